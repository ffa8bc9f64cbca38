import ArgumentParser
import QadamContract

/// `qadam resolve NAME`: which settlement or district a name stands for, in any spelling — the
/// `resolve` method, asked of either backend. The same lookup runs wherever a command takes a
/// place name instead of coordinates.
struct ResolveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "resolve",
        abstract: "Find a settlement or district by name (Kazakh, Russian or Latin spelling, any case).",
        discussion: "An ambiguous name lists every place it may mean, biggest first; an unknown one the closest spellings.")

    @OptionGroup var backend: BackendOptions

    @Argument(help: "The name, e.g. Ауэзовский, Auezov, Кунаев.")
    var name: String

    @Option(help: "Only settlements or only districts.")
    var kind: PlaceKind?

    @OptionGroup var output: OutputOptions

    func run() throws {
        let answer = try backend.makeBackend().call(RPC.Resolve.self, .init(name: name, kind: kind))
        let match = answer.result.match
        let places = answer.result.place.map { [$0] } ?? answer.result.candidates
        try ResultOutput.write(answer.json, to: output, layer: "resolve",
                               preamble: match == .found ? nil : match == .ambiguous ? "'\(name)' may mean:" : "'\(name)' was not found; closest spellings:") {
            var t = Tabular(columns: ["match", "id", "name", "kind", "detail", "lon", "lat", "population"])
            for p in places {
                t.append([.text(match.rawValue), .text(p.id), .text(p.name), .text(p.kind.rawValue), p.detail.map(TabularValue.text) ?? .missing,
                          .double(p.point.lon, digits: 5), .double(p.point.lat, digits: 5), p.population.map { .integer($0) } ?? .missing],
                         geometry: GeometryText.point(p.point))
            }
            return t
        }
    }
}
