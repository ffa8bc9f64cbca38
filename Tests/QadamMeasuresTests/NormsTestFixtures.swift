import Foundation
import TestSupport
@testable import QadamMeasures

/// The repository's own catalogue files, and broken variants of the default one written to
/// temporary files, so error tests exercise the real format rather than a hand-made miniature.
enum NormsFixtures {
    static let geodata = SharedGeodata.repositoryRoot.appendingPathComponent("geodata")
    static let defaultURL = geodata.appendingPathComponent(NormsCatalogue.defaultRelativePath)
    static let schemaURL = geodata.appendingPathComponent("norms/schema.json")

    /// The default catalogue as a mutable JSON tree.
    static func defaultTree() throws -> [String: Any] {
        let data = try Data(contentsOf: defaultURL)
        return try JSONSerialization.jsonObject(with: data) as! [String: Any]
    }

    /// Applies `edit` to rule `index` of the default catalogue.
    static func editingRule(_ index: Int, _ edit: (inout [String: Any]) -> Void) throws -> [String: Any] {
        var tree = try defaultTree()
        var rules = tree["rules"] as! [[String: Any]]
        edit(&rules[index])
        tree["rules"] = rules
        return tree
    }

    /// Writes `tree` (or raw text) to a fresh temporary file and returns its URL.
    static func write(_ tree: [String: Any]) throws -> URL {
        try write(JSONSerialization.data(withJSONObject: tree, options: [.sortedKeys]))
    }

    static func write(_ data: Data) throws -> URL {
        let dir = FileManager.default.temporaryDirectory
            .appendingPathComponent("qadam-norms-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let url = dir.appendingPathComponent("catalogue.json")
        try data.write(to: url)
        return url
    }

    /// Loads `url` and returns the error it must throw.
    static func loadError(_ url: URL) -> NormsCatalogueError? {
        do {
            _ = try NormsCatalogue.load(from: url)
            return nil
        } catch {
            return error as? NormsCatalogueError
        }
    }
}
