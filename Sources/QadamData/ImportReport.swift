import QadamContract

/// What reading a source file for one layer found: how many features, which source fields
/// were used for which targets, and every problem.
public struct ImportReport: Codable, Sendable {
    public var file: String
    public var layer: LayerKind
    public var format: SourceFormat
    /// Features (or CSV data rows) read from the file.
    public var featureCount: Int
    /// Records that would be (or were) written; features with errors are not counted.
    public var recordCount: Int
    /// Target field -> source field actually used (e.g. `"id": "osm_id"`).
    public var fields: [String: String]
    public var problems: [DataProblem]
    /// Set once the layer is written: the dataset's content hash after the import.
    public var contentHash: String?

    enum CodingKeys: String, CodingKey {
        case file, layer, format, featureCount = "feature_count", recordCount = "record_count", fields, problems
        case contentHash = "content_hash"
    }

    public var errors: [DataProblem] { problems.filter { $0.severity == .error } }
    public var warnings: [DataProblem] { problems.filter { $0.severity == .warning } }
    public var repairs: [DataProblem] { problems.filter { $0.severity == .repair } }
    public var hasErrors: Bool { problems.contains { $0.severity == .error } }
}

public enum SourceFormat: String, Codable, Sendable {
    case geojson, csv, geopackage
    /// A PostGIS table or query (`qadam import postgresql://...`).
    case postgis

    /// What the source's items are called in messages: GeoJSON and GeoPackage have features,
    /// the others rows.
    var itemName: String { self == .geojson || self == .geopackage ? "feature" : "row" }
}

/// Why an import did not happen; the dataset file is left untouched in every case.
public enum ImportError: Error, CustomStringConvertible, Sendable {
    /// The file has errors; the report lists each with its location.
    case invalidData(ImportReport)
    /// The file could not be read at all (missing, unreadable, not JSON/CSV, broken syntax).
    case unreadable(file: String, problems: [DataProblem])
    /// Neither `--layer` nor the file's contents say which layer it is.
    case cannotInferLayer(file: String, reason: String)
    case badMapping(String)

    public var description: String {
        switch self {
        case .invalidData(let report):
            let errors = report.errors
            return "\(report.file): \(errors.count) error(s), nothing imported:\n"
                + errors.prefix(50).map { "  \($0)" }.joined(separator: "\n")
                + (errors.count > 50 ? "\n  ... and \(errors.count - 50) more" : "")
        case .unreadable(let file, let problems):
            return "\(file): cannot be read:\n" + problems.map { "  \($0)" }.joined(separator: "\n")
        case .cannotInferLayer(let file, let reason):
            return "\(file): cannot tell which layer this is (\(reason)); pass --layer"
        case .badMapping(let message):
            return "field mapping: \(message)"
        }
    }
}
