import ArgumentParser
import QadamProtocol

/// `qadam stats --socket PATH`: the daemon's request counts and latencies per method.
struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Show a running daemon's request counts, errors and latencies per method (needs --socket).")

    @OptionGroup var backend: BackendOptions

    @OptionGroup var output: OutputOptions

    /// One method's line of the `stats` answer (see docs/protocol.md).
    struct MethodStats: Decodable {
        let count: Int
        let errors: Int
        let p50_ms: Double?
        let p90_ms: Double?
        let p99_ms: Double?
        let max_ms: Double?
    }

    func run() throws {
        let daemon = try backend.makeDaemonBackend(for: "stats", because: "statistics are kept by the daemon")
        let result = try daemon.call("stats")
        let methods = try ResultOutput.decode([String: MethodStats].self, from: result["methods"], what: "methods")
        let open = result["connections"]?["open"]?.intValue ?? 0, total = result["connections"]?["total"]?.intValue ?? 0
        let preamble = """
            qadamd at \(daemon.socketPath), snapshot \(result["snapshot"]?.stringValue ?? "?")
            up \(String(format: "%.1f", result["uptime_seconds"]?.doubleValue ?? 0)) s, \
            connections \(open) open / \(total) total, \(result["in_flight"]?.intValue ?? 0) other request(s) in flight

            """
        try ResultOutput.write(result, to: output, layer: "stats", preamble: preamble) {
            var t = Tabular(columns: ["method", "count", "errors", "p50_ms", "p90_ms", "p99_ms", "max_ms"])
            for (name, m) in methods.sorted(by: { $0.key < $1.key }) {
                t.append([.text(name), .integer(m.count), .integer(m.errors), .double(m.p50_ms, digits: 3),
                          .double(m.p90_ms, digits: 3), .double(m.p99_ms, digits: 3), .double(m.max_ms, digits: 3)])
            }
            return t
        }
    }
}
