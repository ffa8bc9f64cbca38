import ArgumentParser
import QadamContract

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
        let params = RPC.Isochrone.Params(from: try PointArgument.resolve(from, flag: "--from", backend: queries), minutes: try times(),
                                          bufferM: bufferM ?? deprecatedBuffer, includeEdges: edges ? true : nil, travel: travel.travel)
        let answer = try queries.call(RPC.Isochrone.self, params)
        let result = answer.result
        try ResultOutput.write(answer.json, to: output, layer: "isochrones",
                               preamble: result.reason.map { "nothing reachable: \($0.line)" }) {
            var t = Tabular(columns: ["minutes", "what", "profile", "reached_vertices"])
            for band in result.isochrones {
                func row(_ what: String) -> [TabularValue] {
                    [.double(band.minutes, digits: 0), .text(what), .text(result.profile.rawValue), .integer(band.reachedVertices)]
                }
                t.append(row("area"), geometry: try JSONText.serialize(band.geometry))
                if let streets = band.edges {
                    t.append(row("streets"), geometry: try JSONText.serialize(streets))
                }
            }
            return t
        }
    }
}
