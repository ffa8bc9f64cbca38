/// What a scenario run found: its figures (compared with the documents' where they give one),
/// detail tables, and, when the dataset lacks an input, which one.
public struct ScenarioReport: Codable, Sendable {
    public enum Status: String, Codable, Sendable {
        /// Every input was there and the figures were computed.
        case ran
        /// An input layer or feature is missing; nothing was computed. Not a failure.
        case needsInput = "needs_input"
    }

    public var id: String
    public var title: String
    public var status: Status
    /// For `needsInput`: what to load, e.g. "needs layer facilities (kind polyclinic)".
    public var needs: [String]
    public var figures: [ScenarioFigure]
    public var tables: [ScenarioTable]
    public var assumptions: [String]
    public var sources: [String]
}

public struct ScenarioFigure: Codable, Sendable, Equatable {
    public enum Verdict: String, Codable, Sendable {
        case pass = "PASS", diff = "DIFF"
        /// No documented figure to compare with.
        case info = "INFO"
    }

    public var name: String
    public var computed: Double
    public var unit: String
    public var expected: Double?
    public var min: Double?
    public var max: Double?
    public var verdict: Verdict
    public var source: String?
    public var note: String?
}

/// Rows of text cells with named columns, for per-item detail (per monotown, per oblast...).
public struct ScenarioTable: Codable, Sendable {
    public var title: String
    public var columns: [String]
    public var rows: [[String]]
}
