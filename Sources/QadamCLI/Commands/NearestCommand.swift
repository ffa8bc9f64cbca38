import ArgumentParser
import QadamProtocol

/// `qadam nearest --kind K --from LON,LAT`: the nearest facilities of a kind over the street
/// network — the `nearest` method, asked of either backend.
struct NearestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "nearest",
        abstract: "Nearest facilities of a kind (school, polyclinic, ...) from a point, over the street network.",
        discussion: "--format geojson gives one feature per facility: its path with --path, else its point.")

    @OptionGroup var backend: BackendOptions
    @Option(help: "Facility kind, e.g. school, kindergarten, polyclinic, hospital, pharmacy.") var kind: String
    @Option(help: "Start as LON,LAT or a place name.") var from: String
    @Option(help: "How many facilities, nearest first.") var k: Int = 1
    @Flag(help: "Include each facility's path.") var path = false
    @OptionGroup var travel: TravelOptions
    @OptionGroup var output: OutputOptions

    func validate() throws {
        _ = try PointArgument.classify(from, flag: "--from")
        guard k >= 1 else { throw ValidationError("--k must be at least 1") }
    }

    func run() throws {
        let queries = try backend.makeBackend()
        var params = travel.params
        params["kind"] = .string(kind)
        params["from"] = try PointArgument.resolve(from, flag: "--from", backend: queries)
        params["k"] = .int(Int64(k))
        if path { params["include_path"] = true }
        let result = try queries.call("nearest", params: .object(params))
        let reachable = result["reachable"]?.boolValue == true
        try ResultOutput.write(result, to: output, layer: "nearest",
                               preamble: reachable ? nil : "no \(kind) reachable: \(UnreachableText.line(result))") {
            var t = Tabular(columns: ["rank", "id", "name", "kind", "length_m", "time_s"])
            for (i, hit) in (result["facilities"]?.arrayValue ?? []).enumerated() {
                let geometry = try hit["path"].map { try JSONText.serialize($0) }
                    ?? hit["point"].map { #"{"type":"Point","coordinates":\#(try JSONText.serialize($0))}"# }
                t.append([.integer(i + 1), .text(hit["id"]?.stringValue ?? ""), hit["name"]?.stringValue.map(TabularValue.text) ?? .missing,
                          .text(hit["kind"]?.stringValue ?? ""), .double(hit["length_m"]?.doubleValue),
                          .double(hit["time_s"]?.doubleValue)], geometry: geometry)
            }
            return t
        }
    }
}
