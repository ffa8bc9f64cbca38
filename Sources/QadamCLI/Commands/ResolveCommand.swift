import ArgumentParser
import QadamProtocol

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

    @Option(help: "Only settlements or only districts: settlement, district.")
    var kind: String?

    @OptionGroup var output: OutputOptions

    func validate() throws {
        if let kind, !["settlement", "district"].contains(kind) {
            throw ValidationError("--kind must be settlement or district, got '\(kind)'")
        }
    }

    func run() throws {
        var params: [String: JSONValue] = ["name": .string(name)]
        if let kind { params["kind"] = .string(kind) }
        let result = try backend.makeBackend().call("resolve", params: .object(params))
        let match = result["match"]?.stringValue ?? ""
        let places = match == "found" ? [result["place"] ?? .null] : (result["candidates"]?.arrayValue ?? [])
        try ResultOutput.write(result, to: output, layer: "resolve",
                               preamble: match == "found" ? nil : match == "ambiguous" ? "'\(name)' may mean:" : "'\(name)' was not found; closest spellings:") {
            var t = Tabular(columns: ["match", "id", "name", "kind", "detail", "lon", "lat", "population"])
            for p in places {
                let point = p["point"]?.arrayValue?.compactMap(\.doubleValue) ?? []
                t.append([.text(match), .text(p["id"]?.stringValue ?? ""), .text(p["name"]?.stringValue ?? ""),
                          .text(p["kind"]?.stringValue ?? ""), p["detail"]?.stringValue.map(TabularValue.text) ?? .missing,
                          .double(point.first, digits: 5), .double(point.last, digits: 5),
                          p["population"]?.intValue.map { .integer(Int($0)) } ?? .missing],
                         geometry: point.count == 2 ? #"{"type":"Point","coordinates":[\#(point[0]),\#(point[1])]}"# : nil)
            }
            return t
        }
    }
}
