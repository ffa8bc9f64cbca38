import ArgumentParser
import Foundation
import QadamProtocol

/// Flags the service-gap commands share; they become the methods' common parameters.
struct MeasureOptions: ParsableArguments {
    @Option(help: "Facility kind (OSM words such as clinic or doctors are read too).")
    var kind: FacilityKind?
    @Option(name: .customLong("max-m"), help: "Limit in metres (else the norms catalogue's rule).")
    var maxM: Double?
    @Option(name: .customLong("max-min"), help: "Limit in minutes (else the norms catalogue's rule).")
    var maxMin: Double?
    @Option(help: "Restrict demand to this district (id or name, any case).")
    var area: String?
    @Option(help: "Travel profile.")
    var profile: TravelProfile?
    @Option(name: .customLong("speed-kmh"), help: "Travel speed in km/h (default: the profile's).")
    var speedKmh: Double?
    @Option(name: .customLong("detour-factor"), help: "Without a network: road distance = straight line × this (default 1.3).")
    var detourFactor: Double?
    @Option(name: .customLong("group-by"), help: "Roll up by this group (repeatable).")
    var groupBy: [GroupBy] = []
    @Option(name: .customLong("assume-capacity"),
            help: "For facilities without a capacity: assume this many seats/visits/beds, or 'catalogue' for the norms catalogue's figure (default: leave them unknown and say how many).")
    var assumeCapacity: String?
    @OptionGroup var output: OutputOptions

    init() {}

    /// The contract's shared measure parameters these options set.
    var measureParams: MeasureParams {
        MeasureParams(kind: kind, maxM: maxM, maxMin: maxMin, area: area, profile: profile, speedKmh: speedKmh,
                      detourFactor: detourFactor, groupBy: groupBy.isEmpty ? nil : groupBy,
                      assumeCapacity: assumeCapacity.map { Double($0).map(JSONValue.double) ?? .string($0) })
    }

    /// The same as request members, beside which each command adds its own.
    var params: [String: JSONValue] {
        get throws { try JSONValue(encoding: measureParams).objectValue ?? [:] }
    }

    /// The roll-up table's columns for a result's `groups` list, with the group's name.
    static func groupColumns(_ measures: [(String, String)]) -> [(String, String)] {
        [("key", "key"), ("value", "value"), ("name", "name")] + measures
    }
}

/// Writes a service-gap result: JSON as answered, other formats as a table of one list in it.
enum MeasureOutput {
    /// - Parameters:
    ///   - list: the member holding the rows (e.g. `outside`).
    ///   - layer: the table's name in a GeoPackage (e.g. `coverage_outside`).
    ///   - columns: (column name, dotted path inside a row).
    ///   - backend: asked for the outlines of the districts the rows roll up to, when the
    ///     format draws geometry.
    static func write(_ result: JSONValue, to output: OutputOptions, list: String, layer: String, columns: [(String, String)],
                      preamble: String? = nil, outlinesFrom backend: QueryBackend) throws {
        try ResultOutput.write(result, to: output, layer: layer, preamble: preamble) {
            var t = Tabular(columns: columns.map(\.0))
            guard case .array(let rows)? = result[list] else { return t }
            let drawn = output.format == .text(.geojson) || output.format == .gpkg
            let outlines = drawn ? try DistrictOutlines.geoJSON(ids: rows.compactMap(districtID), from: backend) : [:]
            for row in rows {
                let cells = columns.map { cell(value(row, path: $0.1)) }
                t.append(cells, geometry: point(row) ?? districtID(row).flatMap { outlines[$0] })
            }
            return t
        }
    }

    /// The district or oblast a roll-up row stands for: its `value` under a `key` of district
    /// or oblast (coverage, access, provision), else its `group` (deficit, whatif's seats; an
    /// id no district has, such as a class, is simply not drawn).
    static func districtID(_ row: JSONValue) -> String? {
        if let key = row["key"]?.stringValue {
            return key == "district" || key == "oblast" ? row["value"]?.stringValue : nil
        }
        return row["group"]?.stringValue
    }

    static func value(_ row: JSONValue, path: String) -> JSONValue? {
        var current: JSONValue? = row
        for key in path.split(separator: ".") {
            if let i = Int(key), case .array(let items)? = current {
                current = i < items.count ? items[i] : nil
            } else {
                current = current?[String(key)]
            }
        }
        return current
    }

    static func cell(_ v: JSONValue?) -> TabularValue {
        switch v {
        case .string(let s)?: return .text(s)
        case .bool(let b)?: return .text(b ? "true" : "false")
        case .null?, nil: return .missing
        default:
            if let d = v?.doubleValue { return cell(number: d) }
            return .text((try? JSONText.serialize(v!)) ?? "")
        }
    }

    /// A number as a cell: whole numbers as integers, others to 3 decimals.
    static func cell(number d: Double) -> TabularValue {
        d == d.rounded() && abs(d) < 1e15 ? .integer(Int(d)) : .double(d, digits: 3)
    }

    /// A Point geometry from a row's `location` (or `point.location`), for GeoJSON and GeoPackage output.
    static func point(_ row: JSONValue) -> String? {
        guard case .array(let c)? = row["location"] ?? row["point"]?["location"], c.count == 2,
              let lon = c[0].doubleValue, let lat = c[1].doubleValue else { return nil }
        return GeometryText.point(lon: lon, lat: lat)
    }

    static func summary(_ result: JSONValue, _ keys: [String]) -> String {
        keys.compactMap { k in
            guard let v = value(result, path: k) else { return nil }
            return "\(k): \(cell(v).display)"
        }.joined(separator: "\n")
    }
}
