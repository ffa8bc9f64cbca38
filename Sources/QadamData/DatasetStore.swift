import Foundation
import QadamGeo
import QadamContract

/// A dataset file: one SpatiaLite database with a table per layer (see docs/dataset.md).
///
/// Every change is atomic: it is made in a temporary copy in the same directory, which is
/// renamed over the original only when the whole change succeeded, so a failed import leaves
/// the file byte-for-byte as it was and a reader never sees a half-written dataset. Two
/// writers to one file at once are not coordinated: the later rename wins.
///
/// Reads open a fresh read-only connection each time and load a whole layer into an array,
/// which is what the daemon's snapshot wants.
public final class DatasetStore: Sendable {
    public static let schemaVersion = 1
    public let url: URL

    private init(url: URL) { self.url = url }

    /// Opens an existing dataset; fails if the file is missing or is not a Qadam dataset.
    public static func open(_ url: URL) throws -> DatasetStore {
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw DatasetError("\(url.path): no such dataset file")
        }
        let store = DatasetStore(url: url)
        let db = try store.connect()
        let version = try? db.scalarText("SELECT value FROM meta WHERE key = 'schema_version'")
        guard let version, let v = Int(version) else {
            throw DatasetError("\(url.path): not a Qadam dataset (no meta table with a schema_version)")
        }
        guard v == schemaVersion else {
            throw DatasetError("\(url.path): dataset schema version \(v), this build reads version \(schemaVersion)")
        }
        return store
    }

    /// Creates an empty dataset; fails if the file exists.
    public static func create(_ url: URL) throws -> DatasetStore {
        guard !FileManager.default.fileExists(atPath: url.path) else {
            throw DatasetError("\(url.path): already exists")
        }
        let store = DatasetStore(url: url)
        try store.modify { _ in }
        return store
    }

    /// Opens the dataset, creating an empty one first if the file does not exist.
    public static func openOrCreate(_ url: URL) throws -> DatasetStore {
        FileManager.default.fileExists(atPath: url.path) ? try open(url) : try create(url)
    }

    // MARK: Writing

    /// Reads `file` as one layer and, if it has no errors, replaces that layer with it.
    /// Throws `ImportError.invalidData` (with every located problem) and leaves the file untouched otherwise.
    @discardableResult
    public func importLayer(file: URL, options: ImportOptions) throws -> ImportReport {
        try importLayer(LayerImporter.read(file: file, options: options), from: file.lastPathComponent, options: options)
    }

    /// Maps a query's rows as one layer and, if they have no errors, replaces that layer with
    /// them; like `importLayer(file:options:)` in every other way.
    @discardableResult
    public func importLayer(query: QueryResult, options: ImportOptions) throws -> ImportReport {
        try importLayer(LayerImporter.read(query: query, options: options), from: query.source, options: options)
    }

    private func importLayer(_ read: (records: LayerRecords, report: ImportReport), from source: String,
                             options: ImportOptions) throws -> ImportReport {
        var (records, report) = read
        guard !report.hasErrors else { throw ImportError.invalidData(report) }
        let layerSource = LayerSource(file: source, name: options.sourceName ?? source, licence: options.licence)
        report.contentHash = try replaceLayer(records, source: layerSource)
        return report
    }

    /// Replaces one layer's rows with `records` (for districts: the rows of the levels they
    /// bring); returns the dataset's new content hash.
    @discardableResult
    public func replaceLayer(_ records: LayerRecords, source: LayerSource) throws -> String {
        try replaceLayers([records], source: source)
    }

    /// Replaces several layers in one transaction: either all of them change or none does
    /// (a street network import writes `network` and `facilities` together). Returns the
    /// dataset's new content hash.
    @discardableResult
    public func replaceLayers(_ layers: [LayerRecords], source: LayerSource) throws -> String {
        var hash = ""
        try modify { db in
            for records in layers { try Self.write(records, source: source, in: db) }
            hash = try Self.updateDatasetHash(db)
        }
        return hash
    }

    private static func write(_ records: LayerRecords, source: LayerSource, in db: SQLiteConnection) throws {
        switch records {
        case .settlements(let r): try LayerWriter.replace(r, source: source, in: db)
        case .districts(let r): try LayerWriter.replace(r, source: source, in: db)
        case .facilities(let r): try LayerWriter.replace(r, source: source, in: db)
        case .demand(let r): try LayerWriter.replace(r, source: source, in: db)
        case .agglomerations(let r): try LayerWriter.replace(r, source: source, in: db)
        case .polycentres(let r): try LayerWriter.replace(r, source: source, in: db)
        case .network(let r): try LayerWriter.replace(r, source: source, in: db)
        }
    }

    /// The generic write path for schema-less layers (the network importer's line features).
    @discardableResult
    public func replaceLayer(_ layer: LayerKind, features: [Feature], source: LayerSource) throws -> String {
        guard layer == .network else {
            throw DatasetError("layer \(layer) has a fixed schema; write it with replaceLayer(_: LayerRecords, ...)")
        }
        return try replaceLayers([.network(features)], source: source)
    }

    /// Applies `change` to a temporary copy and renames it over the dataset on success.
    private func modify(_ change: (SQLiteConnection) throws -> Void) throws {
        let fm = FileManager.default
        let temp = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).tmp")
        defer { try? fm.removeItem(at: temp) }
        let exists = fm.fileExists(atPath: url.path)
        if exists { try fm.copyItem(at: url, to: temp) }
        do {
            let db = try SQLiteConnection(path: temp.path, readOnly: false)
            if !exists { try DatasetSchema.create(db) }
            try db.execute("BEGIN")
            try change(db)
            try db.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('build_time', '\(Self.timestamp())')")
            try db.execute("COMMIT")
            try db.execute("VACUUM")
        }
        guard rename(temp.path, url.path) == 0 else {
            throw DatasetError("cannot replace \(url.path): \(String(cString: strerror(errno)))")
        }
    }

    private static func updateDatasetHash(_ db: SQLiteConnection) throws -> String {
        var hashes: [LayerKind: String] = [:]
        let s = try db.prepare("SELECT name, content_hash FROM layers")
        while try s.step() {
            if let name = s.text(0), let layer = LayerKind(rawValue: name), let h = s.text(1) { hashes[layer] = h }
        }
        let hash = ContentHash.dataset(hashes)
        try db.prepare("INSERT OR REPLACE INTO meta(key, value) VALUES ('content_hash', ?)").run([.text(hash)])
        return hash
    }

    static func timestamp() -> String {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime]
        return f.string(from: Date())
    }

    // MARK: Reading

    public func info() throws -> DatasetInfo {
        let db = try connect()
        var meta: [String: String] = [:]
        let m = try db.prepare("SELECT key, value FROM meta")
        while try m.step() { if let k = m.text(0) { meta[k] = m.text(1) } }
        var layers: [LayerInfo] = []
        let s = try db.prepare("""
            SELECT name, feature_count, missing_geometry_count, min_lon, min_lat, max_lon, max_lat,
                   imported_at, content_hash FROM layers
            """)
        while try s.step() {
            guard let name = s.text(0), let layer = LayerKind(rawValue: name) else { continue }
            var extent: BoundingBox?
            if let a = s.double(3), let b = s.double(4), let c = s.double(5), let d = s.double(6) {
                extent = BoundingBox(minX: a, minY: b, maxX: c, maxY: d)
            }
            layers.append(LayerInfo(layer: layer, featureCount: s.int(1), missingGeometryCount: s.int(2), extent: extent,
                                    sources: try DatasetSchema.sources(of: layer, db),
                                    importedAt: s.text(7) ?? "", contentHash: s.text(8) ?? ""))
        }
        layers.sort { $0.layer < $1.layer }
        return DatasetInfo(path: url.path, schemaVersion: Int(meta["schema_version"] ?? "") ?? 0,
                           buildTime: meta["build_time"] ?? "", contentHash: meta["content_hash"] ?? ContentHash.dataset([:]),
                           layers: layers)
    }

    public func settlements() throws -> [Settlement] { try records(Settlement.self) }
    public func districts() throws -> [District] { try records(District.self) }
    public func facilities() throws -> [Facility] { try records(Facility.self) }
    public func demand() throws -> [DemandPoint] { try records(DemandPoint.self) }
    public func agglomerations() throws -> [Agglomeration] { try records(Agglomeration.self) }
    public func polycentres() throws -> [Polycentre] { try records(Polycentre.self) }

    /// Any layer as generic features: the network's own rows, or a typed layer's record
    /// attributes as properties (rows without geometry are left out).
    public func features(layer: LayerKind) throws -> [Feature] {
        if layer == .network { return try records(Feature.self) }
        return try LayerReader.rows(layer, db: connect()).compactMap { row in
            guard let wkb = row.wkb else { return nil }
            var properties = try JSONParser.parse(row.record).objectValue ?? [:]
            let id = properties.removeValue(forKey: "id")?.scalarText ?? ""
            return Feature(id: id, geometry: try Geometry(wkb: wkb), properties: properties)
        }
    }

    /// Every record of a layer, in import order; empty when the layer was never imported.
    public func records<R: LayerRecord>(_ type: R.Type) throws -> [R] {
        try LayerReader.records(type, db: connect())
    }

    private func connect() throws -> SQLiteConnection {
        try SQLiteConnection(path: url.path, readOnly: true)
    }
}

/// A dataset that cannot be opened, read or written.
public struct DatasetError: Error, CustomStringConvertible, Sendable {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
