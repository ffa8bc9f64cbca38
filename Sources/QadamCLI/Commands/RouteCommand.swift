import ArgumentParser
import QadamContract

/// `qadam route --from LON,LAT --to LON,LAT`: the fastest way over the street network — the
/// `route` method, asked of either backend.
struct RouteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "route",
        abstract: "Fastest route between two points over the street network.",
        discussion: "--format geojson gives the route as one LineString feature; an unreachable answer says why.")

    @OptionGroup var backend: BackendOptions
    @Option(help: "Start as LON,LAT or a place name.") var from: String
    @Option(help: "End as LON,LAT or a place name.") var to: String
    @OptionGroup var travel: TravelOptions
    @OptionGroup var output: OutputOptions

    func validate() throws {
        _ = try PointArgument.classify(from, flag: "--from")
        _ = try PointArgument.classify(to, flag: "--to")
    }

    func run() throws {
        let queries = try backend.makeBackend()
        let params = RPC.Route.Params(from: try PointArgument.resolve(from, flag: "--from", backend: queries),
                                      to: try PointArgument.resolve(to, flag: "--to", backend: queries), travel: travel.travel)
        let answer = try queries.call(RPC.Route.self, params)
        let route = answer.result
        try ResultOutput.write(answer.json, to: output, layer: "route") {
            var t = Tabular(columns: ["from", "to", "profile", "speed_kmh", "length_m", "time_s", "reason"])
            t.append([.text(from), .text(to), .text(route.travel.profile.rawValue), .double(route.travel.speedKmh),
                      .double(route.lengthM), .double(route.timeS), route.reason.map { .text($0.line) } ?? .missing],
                     geometry: try route.geometry.map(GeometryText.lineString))
            return t
        }
    }
}
