import ArgumentParser
import QadamContract

/// `qadam nearest --kind K --from LON,LAT`: the nearest facilities of a kind over the street
/// network — the `nearest` method, asked of either backend.
struct NearestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "nearest",
        abstract: "Nearest facilities of a kind (school, polyclinic, ...) from a point, over the street network.",
        discussion: "--format geojson gives one feature per facility: its path with --path, else its point.")

    @OptionGroup var backend: BackendOptions
    @Option(help: "Facility kind (OSM words such as clinic or doctors are read too).") var kind: FacilityKind
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
        let from = try PointArgument.resolve(from, flag: "--from", backend: queries)
        let answer = try queries.call(RPC.Nearest.self, .init(kind: kind, from: from, k: k, includePath: path ? true : nil, travel: travel.travel))
        let result = answer.result
        try ResultOutput.write(answer.json, to: output, layer: "nearest",
                               preamble: result.reason.map { "no \(kind.rawValue) reachable: \($0.line)" }) {
            var t = Tabular(columns: ["rank", "id", "name", "kind", "length_m", "time_s"])
            for (i, hit) in result.facilities.enumerated() {
                t.append([.integer(i + 1), .text(hit.id), hit.name.map(TabularValue.text) ?? .missing, .text(hit.kind.rawValue),
                          .double(hit.lengthM), .double(hit.timeS)],
                         geometry: try hit.path.map(GeometryText.lineString) ?? GeometryText.point(hit.point))
            }
            return t
        }
    }
}
