/// Where in a source file a problem is: a feature (GeoJSON, 1-based) or a row (CSV, 1-based,
/// the header is row 1), the field, and for syntax errors the line and column.
public struct ProblemLocation: Codable, Sendable, Hashable, CustomStringConvertible {
    public var file: String
    public var feature: Int?
    public var row: Int?
    public var field: String?
    public var line: Int?
    public var column: Int?

    public init(file: String, feature: Int? = nil, row: Int? = nil, field: String? = nil,
                line: Int? = nil, column: Int? = nil) {
        self.file = file; self.feature = feature; self.row = row; self.field = field
        self.line = line; self.column = column
    }

    public var description: String {
        var parts = [file]
        if let line { parts.append("line \(line)" + (column.map { ", column \($0)" } ?? "")) }
        if let feature { parts.append("feature \(feature)") }
        if let row { parts.append("row \(row)") }
        if let field { parts.append("field '\(field)'") }
        return parts.joined(separator: ": ")
    }
}

/// One finding about a source file.
public struct DataProblem: Codable, Sendable, Hashable, CustomStringConvertible {
    public enum Severity: String, Codable, Sendable, Comparable {
        /// The data was changed to make it usable (an invalid polygon repaired with makeValid).
        case repair
        /// Suspicious but importable (a population that is not a number is dropped).
        case warning
        /// The file cannot be imported until this is fixed.
        case error

        public static func < (a: Severity, b: Severity) -> Bool {
            [Severity.repair, .warning, .error].firstIndex(of: a)! < [Severity.repair, .warning, .error].firstIndex(of: b)!
        }
    }

    public var severity: Severity
    public var location: ProblemLocation
    /// The feature's id, when it has one, so a person can find it in their GIS.
    public var featureID: String?
    public var message: String

    enum CodingKeys: String, CodingKey { case severity, location, featureID = "feature_id", message }

    public init(_ severity: Severity, _ location: ProblemLocation, featureID: String? = nil, _ message: String) {
        self.severity = severity; self.location = location; self.featureID = featureID; self.message = message
    }

    public var description: String {
        let id = featureID.map { " (id \($0))" } ?? ""
        return "\(severity): \(location)\(id): \(message)"
    }
}
