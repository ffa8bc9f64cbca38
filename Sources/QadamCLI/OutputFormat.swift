import ArgumentParser
import Foundation
import QadamContract

/// How a command prints its answer: an aligned table for people, or a machine format for pipes.
public enum OutputFormat: String, ExpressibleByArgument, CaseIterable, Sendable {
    case table, json, csv, geojson
}

/// What a command with a result table writes (`--format` in `OutputOptions`): text in one of
/// the `OutputFormat`s, or the table as a layer of a GeoPackage file, which is SQLite and so
/// never printed.
public typealias ResultFormat = TextOrGeoPackage<OutputFormat>

/// Rows of named columns that every command can print in any `OutputFormat`.
///
/// Commands build one of these from their result, so table, CSV and JSON output always agree.
/// GeoJSON needs geometry: rows that carry a `geometry` (a GeoJSON geometry object) become
/// features; the other columns become properties.
public struct Tabular {
    public var columns: [String]
    public var rows: [[TabularValue]]
    public var geometries: [String?]

    public init(columns: [String], rows: [[TabularValue]] = [], geometries: [String?] = []) {
        self.columns = columns
        self.rows = rows
        self.geometries = geometries
    }

    public mutating func append(_ row: [TabularValue], geometry: String? = nil) {
        rows.append(row)
        geometries.append(geometry)
    }

    public func render(_ format: OutputFormat) -> String {
        switch format {
        case .table: return renderTable()
        case .csv: return renderCSV()
        case .json: return renderJSON()
        case .geojson: return renderGeoJSON()
        }
    }

    private func renderTable() -> String {
        let cells = rows.map { $0.map(\.display) }
        var widths = columns.map(\.count)
        for row in cells { for (i, c) in row.enumerated() where i < widths.count { widths[i] = max(widths[i], c.count) } }
        func line(_ values: [String], numeric: [Bool]) -> String {
            values.enumerated().map { i, v in
                let pad = String(repeating: " ", count: widths[i] - v.count)
                return numeric[i] ? pad + v : v + pad
            }.joined(separator: "  ").trimmingCharacters(in: .whitespaces)
        }
        let numeric = columns.indices.map { i in rows.allSatisfy { i < $0.count && $0[i].isNumeric } && !rows.isEmpty }
        var out = [line(columns, numeric: numeric),
                   widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")]
        out += cells.map { line($0, numeric: numeric) }
        return out.joined(separator: "\n") + "\n"
    }

    private func renderCSV() -> String {
        ([columns.map(CSVField.quoted)] + rows.map { $0.map { CSVField.quoted($0.csv) } })
            .map { $0.joined(separator: ",") }.joined(separator: "\n") + "\n"
    }

    private func objects() -> [JSONValue] {
        rows.map { row in
            var o: [String: JSONValue] = [:]
            for (i, c) in columns.enumerated() where i < row.count { o[c] = row[i].json }
            return .object(o)
        }
    }

    private func renderJSON() -> String {
        Self.jsonString(.array(objects()))
    }

    private func renderGeoJSON() -> String {
        let features: [JSONValue] = objects().enumerated().map { i, properties in
            let geometry = i < geometries.count ? geometries[i].flatMap { try? JSONParser.parse($0, allowNonFinite: false) } : nil
            return ["type": "Feature", "properties": properties, "geometry": geometry ?? .null]
        }
        return Self.jsonString(["type": "FeatureCollection", "features": .array(features)])
    }

    /// Cells hold no non-finite number (`json` writes them as null), so this cannot fail.
    static func jsonString(_ value: JSONValue) -> String {
        ((try? JSONText.pretty(value)) ?? "null") + "\n"
    }
}

/// One cell: numbers keep their type in JSON and align right in tables.
public enum TabularValue: Sendable, ExpressibleByStringLiteral, ExpressibleByIntegerLiteral {
    case text(String)
    case integer(Int)
    /// A number with the digits to show in a table and an optional unit suffix (e.g. " m").
    case number(Double, digits: Int, unit: String)
    case missing

    public init(stringLiteral value: String) { self = .text(value) }
    public init(integerLiteral value: Int) { self = .integer(value) }

    public static func double(_ v: Double?, digits: Int = 1, unit: String = "") -> TabularValue {
        guard let v, v.isFinite else { return .missing }
        return .number(v, digits: digits, unit: unit)
    }

    var isNumeric: Bool {
        switch self { case .integer, .number, .missing: return true; case .text: return false }
    }

    var display: String {
        switch self {
        case .text(let s): return s
        case .integer(let i): return String(i)
        case .number(let v, let digits, let unit): return String(format: "%.\(digits)f", v) + unit
        case .missing: return "-"
        }
    }

    var csv: String {
        switch self {
        case .text(let s): return s
        case .integer(let i): return String(i)
        case .number(let v, _, _): return Self.plain(v)
        case .missing: return ""
        }
    }

    /// The cell as JSON: a non-finite number (which JSON cannot hold) as null.
    var json: JSONValue {
        switch self {
        case .text(let s): return .string(s)
        case .integer(let i): return .int(Int64(i))
        case .number(let v, _, _): return v.isFinite ? .double(v) : .null
        case .missing: return .null
        }
    }

    /// Shortest round-tripping decimal, without exponent for ordinary magnitudes.
    static func plain(_ v: Double) -> String {
        v == v.rounded() && abs(v) < 1e15 ? String(Int64(v)) : v.description
    }
}
