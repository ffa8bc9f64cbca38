import ArgumentParser

/// A `--format` value: one of a command's text formats, or `gpkg`, a GeoPackage file written
/// when the command ends (SQLite, so never printed). `ResultFormat` and `AuditOutputFormat`
/// are this over their own text formats.
public enum TextOrGeoPackage<Text>: Equatable, Sendable, ExpressibleByArgument
where Text: RawRepresentable<String> & CaseIterable & Equatable & Sendable {
    case text(Text)
    case gpkg

    public init?(argument: String) {
        if argument == "gpkg" { self = .gpkg; return }
        guard let text = Text(rawValue: argument) else { return nil }
        self = .text(text)
    }

    public static var allValueStrings: [String] { Text.allCases.map(\.rawValue) + ["gpkg"] }

    public var defaultValueDescription: String {
        switch self {
        case .text(let f): return f.rawValue
        case .gpkg: return "gpkg"
        }
    }
}
