import ArgumentParser
import Foundation
import QadamContract

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

    /// The first columns of a roll-up table: which group, and its name.
    static func groupColumns<Row: RollUpRow>() -> [ResultColumn<Row>] {
        [.init("key") { .text($0.key) }, .init("value") { .text($0.value) }, .init("name") { MeasureOutput.cell($0.name) }]
    }

    /// The request of a service-gap method: these options and the method's own.
    func request<Options>(_ options: Options) -> MeasureRequest<Options> {
        MeasureRequest(measureParams, options)
    }
}

/// Writes a service-gap result: JSON as answered, other formats as a table of one list in it.
enum MeasureOutput {
    /// - Parameters:
    ///   - rows: the list the table shows (e.g. coverage's `outside`).
    ///   - layer: the table's name in a GeoPackage (e.g. `coverage_outside`).
    ///   - backend: asked for the outlines of the districts the rows roll up to, when the
    ///     format draws geometry.
    static func write<Result, Row: PlacedRow>(_ answer: Answer<Result>, rows: [Row], to output: OutputOptions, layer: String,
                                              columns: [ResultColumn<Row>], preamble: String? = nil,
                                              outlinesFrom backend: QueryBackend) throws {
        try ResultOutput.write(answer.json, to: output, layer: layer, preamble: preamble) {
            var t = Tabular(columns: columns.map(\.name))
            let drawn = output.format == .text(.geojson) || output.format == .gpkg
            let outlines = drawn ? try DistrictOutlines.geoJSON(ids: rows.compactMap(\.place.districtID), from: backend) : [:]
            for row in rows {
                let geometry: String?
                switch row.place {
                case .point(let lon, let lat): geometry = GeometryText.point(lon: lon, lat: lat)
                case .district(let id): geometry = outlines[id]
                case .nowhere: geometry = nil
                }
                t.append(columns.map { $0.cell(row) }, geometry: geometry)
            }
            return t
        }
    }

    /// The lines above a table: `name: value`, leaving out values the answer does not have.
    static func summary(_ lines: KeyValuePairs<String, TabularValue>) -> String {
        lines.compactMap { name, value in
            if case .missing = value { return nil }
            return "\(name): \(value.display)"
        }.joined(separator: "\n")
    }

    /// A number as a cell: whole numbers as integers, others to 3 decimals.
    static func cell(number d: Double) -> TabularValue {
        d == d.rounded() && abs(d) < 1e15 ? .integer(Int(d)) : .double(d, digits: 3)
    }

    static func cell(_ d: Double?) -> TabularValue { d.map(cell(number:)) ?? .missing }
    static func cell(_ i: Int?) -> TabularValue { i.map(TabularValue.integer) ?? .missing }
    static func cell(_ s: String?) -> TabularValue { s.map(TabularValue.text) ?? .missing }
    static func cell<Word: RawRepresentable<String>>(_ w: Word?) -> TabularValue { w.map { .text($0.rawValue) } ?? .missing }
}

/// One column of a result table: its name, and the cell each row gives it.
struct ResultColumn<Row> {
    let name: String
    let cell: (Row) -> TabularValue

    init(_ name: String, _ cell: @escaping (Row) -> TabularValue) {
        self.name = name
        self.cell = cell
    }
}
