import ArgumentParser
import QadamProtocol

/// `qadam isochrone --from LON,LAT --minutes 5,10,15`: the areas reachable within each time —
/// the `isochrone` method, asked of either backend. `--format geojson` gives one (Multi)Polygon
/// feature per time, largest last.
struct IsochroneCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "isochrone",
        abstract: "Areas reachable from a point within given minutes over the street network.",
        discussion: "--format geojson gives nested polygons, one feature per time; --edges adds the reached street pieces.")

    @OptionGroup var backend: BackendOptions
    @Option(help: "Start as LON,LAT or a place name.") var from: String
    @Option(help: "Times in minutes, comma-separated.") var minutes: String = "5,10,15"
    @Option(name: .customLong("buffer-m"), help: "Buffer around reached streets, in metres.") var bufferM: Double?
    @Option(name: .customLong("buffer"), help: .hidden) var deprecatedBuffer: Double?
    @Flag(help: "Also return the reached street pieces (json; geojson adds one MultiLineString feature per time).") var edges = false
    @OptionGroup var travel: TravelOptions
    @OptionGroup var output: OutputOptions

    func validate() throws {
        _ = try PointArgument.classify(from, flag: "--from")
        _ = try times()
        try DeprecatedSpelling.check(old: "--buffer", given: deprecatedBuffer != nil, current: "--buffer-m", alsoGiven: bufferM != nil)
    }

    private func times() throws -> [Double] {
        let values = minutes.split(separator: ",").map { Double($0.trimmingCharacters(in: .whitespaces)) }
        guard !values.isEmpty, values.allSatisfy({ $0 != nil }) else {
            throw ValidationError("--minutes must be numbers separated by commas, e.g. 5,10,15; got '\(minutes)'")
        }
        return values.compactMap { $0 }
    }

    func run() throws {
        let queries = try backend.makeBackend()
        var params = try travel.params
        params["from"] = PointArgument.json(try PointArgument.resolve(from, flag: "--from", backend: queries))
        params["minutes"] = .array(try times().map { .double($0) })
        if let buffer = bufferM ?? deprecatedBuffer { params["buffer_m"] = .double(buffer) }
        if edges { params["include_edges"] = true }
        let result = try queries.call("isochrone", params: .object(params))
        let reachable = result["reachable"]?.boolValue == true
        try ResultOutput.write(result, to: output, layer: "isochrones",
                               preamble: reachable ? nil : "nothing reachable: \(UnreachableText.line(result))") {
            var t = Tabular(columns: ["minutes", "what", "profile", "reached_vertices"])
            for band in result["isochrones"]?.arrayValue ?? [] {
                let row: (String) -> [TabularValue] = { what in
                    [.double(band["minutes"]?.doubleValue, digits: 0), .text(what), .text(result["profile"]?.stringValue ?? ""),
                     band["reached_vertices"]?.intValue.map { .integer(Int($0)) } ?? .missing]
                }
                t.append(row("area"), geometry: try band["geometry"].map { try JSONText.serialize($0) })
                if let streets = band["edges"] {
                    t.append(row("streets"), geometry: try JSONText.serialize(streets))
                }
            }
            return t
        }
    }
}
