import Foundation
import QadamMeasures
import QadamData

/// Loads a dataset file written by `qadam import` into a snapshot: all layers, the gazetteer
/// and the norms catalogue. A dataset or norms file that fails to load fails the whole load,
/// so a reload with a broken file keeps the old snapshot.
public struct DatasetSnapshotLoader: SnapshotLoader {
    /// The norms catalogue file; nil means `NormsLocation.default()`.
    public let normsPath: String?

    public init(normsPath: String? = nil) {
        self.normsPath = normsPath
    }

    public func load(path: String) throws -> Snapshot {
        let started = Date()
        guard FileManager.default.fileExists(atPath: path) else { throw SnapshotLoadError.fileMissing(path: path) }
        let normsFile = try normsPath ?? NormsLocation.default()
        let norms = try NormsCatalogue.load(from: URL(fileURLWithPath: normsFile))
        let content = try DatasetContent(store: DatasetStore.open(URL(fileURLWithPath: path)), datasetPath: path,
                                         norms: norms, normsPath: normsFile)
        var counts: [String: Int] = [:]
        for layer in content.info.layers { counts[layer.layer.rawValue] = layer.featureCount }
        return Snapshot(datasetPath: path, contentHash: content.info.contentHash,
                        meta: ["schema_version": String(content.info.schemaVersion),
                               "build_time": content.info.buildTime, "norms": normsFile],
                        layerCounts: counts, loadedAt: Date(),
                        loadSeconds: Date().timeIntervalSince(started), content: content)
    }
}

/// Where the default norms catalogue is found when none is named.
public enum NormsLocation {
    /// `$QADAM_NORMS`; else `norms/default.json` where `GeodataSearchPath` looks.
    public static func `default`() throws -> String {
        if let path = ProcessInfo.processInfo.environment["QADAM_NORMS"], !path.isEmpty { return path }
        let search = GeodataSearchPath.first("norms/default.json")
        guard let found = search.found else { throw NormsNotFound(searched: search.searched) }
        return found
    }

    public struct NormsNotFound: Error, CustomStringConvertible {
        public let searched: [String]
        public var description: String {
            "no norms catalogue found; pass --norms FILE or set QADAM_NORMS (looked in: \(searched.joined(separator: ", ")))"
        }
    }
}
