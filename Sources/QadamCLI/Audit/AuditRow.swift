import ArgumentParser
import Foundation
import QadamContract
import QadamData

/// One line of audit output: the origin, its measured values (one per schema column), or the
/// reason it could not be measured.
public struct AuditRow: Sendable {
    public var id: String
    public var lon: Double
    public var lat: Double
    public var values: [TabularValue]
    /// Set for an error row; its values are then all missing.
    public var error: String?

    public init(id: String, lon: Double, lat: Double, values: [TabularValue], error: String? = nil) {
        self.id = id
        self.lon = lon
        self.lat = lat
        self.values = values
        self.error = error
    }

    /// A measured row for `origin`.
    public init(origin: AuditOrigin, values: [TabularValue]) {
        self.init(id: origin.id, lon: origin.lon, lat: origin.lat, values: values)
    }

    /// An error row for `origin`, with `columnCount` missing values.
    public init(origin: AuditOrigin, error: String, columnCount: Int) {
        self.init(id: origin.id, lon: origin.lon, lat: origin.lat,
                  values: Array(repeating: .missing, count: columnCount), error: error)
    }
}

/// The streamable output formats of an audit: both are one record per line, so a partial file
/// is a valid prefix and `--resume` can continue it.
public enum AuditFormat: String, CaseIterable, Sendable, ExpressibleByArgument {
    /// CSV with a header: `id,lon,lat,<columns...>,error`.
    case csv
    /// GeoJSON Lines (RFC 8142 without the record separator): one Feature per line.
    case geojsonl
}

/// `qadam audit --format`: a streamable line format, or a GeoPackage written when the run ends.
public typealias AuditOutputFormat = TextOrGeoPackage<AuditFormat>

/// Turns rows into the exact bytes of each format. A pure function of the row, which is what
/// makes a resumed file byte-identical to an uninterrupted one.
struct AuditLineEncoder {
    let format: AuditFormat
    let columns: [String]

    /// The CSV header line, or nil for GeoJSON Lines (which has none).
    var header: String? {
        guard format == .csv else { return nil }
        return (["id", "lon", "lat"] + columns + ["error"]).map(CSVField.quoted).joined(separator: ",") + "\n"
    }

    /// Appends the row's line, newline included, to `out`.
    func append(_ row: AuditRow, to out: inout [UInt8]) {
        switch format {
        case .csv:
            // Field by field, straight onto the output bytes: the arrays of fields and quoted
            // fields per row, then a String per line, were a third of `qadam audit`'s time.
            CSVField.append(row.id, to: &out)
            out.append(UInt8(ascii: ","))
            CSVField.append(Self.coordinateText(row.lon), to: &out)
            out.append(UInt8(ascii: ","))
            CSVField.append(Self.coordinateText(row.lat), to: &out)
            for value in row.values {
                out.append(UInt8(ascii: ","))
                CSVField.append(value.csv, to: &out)
            }
            out.append(UInt8(ascii: ","))
            CSVField.append(row.error ?? "", to: &out)
            out.append(UInt8(ascii: "\n"))
        case .geojsonl:
            var properties: [String: JSONValue] = ["id": .string(row.id), "error": row.error.map(JSONValue.string) ?? .null]
            for (name, value) in zip(columns, row.values) { properties[name] = value.json }
            let geometry: JSONValue = row.error == nil && row.lon.isFinite && row.lat.isFinite
                ? ["type": "Point", "coordinates": [.double(row.lon), .double(row.lat)]] : .null
            let feature: JSONValue = ["type": "Feature", "geometry": geometry, "properties": .object(properties)]
            // Cells write non-finite numbers as null and the point is finite, so this cannot fail.
            out.append(contentsOf: ((try? JSONText.serialize(feature)) ?? "null").utf8)
            out.append(UInt8(ascii: "\n"))
        }
    }

    /// The id written on an already-encoded line (used by resume to find its place).
    func id(ofLine line: [UInt8]) -> String? {
        switch format {
        case .csv:
            return (try? CSVRecordParser.records(in: line))?.first?.fields.first
        case .geojsonl:
            return (try? JSONParser.parse(line, allowNonFinite: false))?["properties"]?["id"]?.stringValue
        }
    }

    private static func coordinateText(_ v: Double) -> String { v.isFinite ? TabularValue.plain(v) : "" }
}
