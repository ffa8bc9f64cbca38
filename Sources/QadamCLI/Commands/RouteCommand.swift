import ArgumentParser
import QadamProtocol

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
        var params = travel.params
        params["from"] = try PointArgument.resolve(from, flag: "--from", backend: queries)
        params["to"] = try PointArgument.resolve(to, flag: "--to", backend: queries)
        let result = try queries.call("route", params: .object(params))
        let reachable = result["reachable"]?.boolValue == true
        try ResultOutput.write(result, to: output, layer: "route") {
            var t = Tabular(columns: ["from", "to", "profile", "speed_kmh", "length_m", "time_s", "reason"])
            t.append([.text(from), .text(to), .text(result["profile"]?.stringValue ?? ""),
                      .double(result["speed_kmh"]?.doubleValue), .double(result["length_m"]?.doubleValue),
                      .double(result["time_s"]?.doubleValue), reachable ? .missing : .text(UnreachableText.line(result))],
                     geometry: try result["geometry"].map { try JSONText.serialize($0) })
            return t
        }
    }
}
