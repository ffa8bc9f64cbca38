import Foundation
import QadamAccess
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
    /// `$QADAM_NORMS`; else `geodata/norms/default.json` in the current directory, beside a
    /// development build (`.build/<config>/` → repository root), or installed: beside the
    /// running binary (`<bin>/../share/qadam/norms/default.json`, so any `PREFIX` of
    /// `scripts/install.sh` works), under `/usr/local/share/qadam`, or under `/usr/share/qadam`.
    public static func `default`() throws -> String {
        let env = ProcessInfo.processInfo.environment
        if let path = env["QADAM_NORMS"], !path.isEmpty { return path }
        // The running binary itself (not argv[0], which is a bare name when started via $PATH).
        let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        let binDirectory = executable.deletingLastPathComponent()
        var candidates: [String] = []
        for url in [
            URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent("geodata/norms/default.json"),
            binDirectory.appendingPathComponent("../../../geodata/norms/default.json"),
            binDirectory.appendingPathComponent("../share/qadam/norms/default.json"),
            URL(fileURLWithPath: "/usr/local/share/qadam/norms/default.json"),
            URL(fileURLWithPath: "/usr/share/qadam/norms/default.json"),
        ] {
            let path = url.standardizedFileURL.path
            if !candidates.contains(path) { candidates.append(path) }
        }
        if let found = candidates.first(where: { FileManager.default.fileExists(atPath: $0) }) { return found }
        throw NormsNotFound(searched: candidates)
    }

    public struct NormsNotFound: Error, CustomStringConvertible {
        public let searched: [String]
        public var description: String {
            "no norms catalogue found; pass --norms FILE or set QADAM_NORMS (looked in: \(searched.joined(separator: ", ")))"
        }
    }
}
