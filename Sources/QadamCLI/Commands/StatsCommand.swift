import ArgumentParser
import QadamContract

/// `qadam stats --socket PATH`: the daemon's request counts and latencies per method.
struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Show a running daemon's request counts, errors and latencies per method (needs --socket).")

    @OptionGroup var backend: BackendOptions

    @OptionGroup var output: OutputOptions

    func run() throws {
        let daemon = try backend.makeDaemonBackend(for: "stats", because: "statistics are kept by the daemon")
        let answer = try daemon.call(RPC.Stats.self, NoParams())
        let stats = answer.result
        let preamble = """
            qadamd at \(daemon.socketPath), snapshot \(answer.snapshot ?? "?")
            up \(String(format: "%.1f", stats.uptimeSeconds)) s, \
            connections \(stats.connections.open) open / \(stats.connections.total) total, \(stats.inFlight) other request(s) in flight

            """
        try ResultOutput.write(answer.json, to: output, layer: "stats", preamble: preamble) {
            var t = Tabular(columns: ["method", "count", "errors", "p50_ms", "p90_ms", "p99_ms", "max_ms"])
            for (name, m) in stats.methods.sorted(by: { $0.key < $1.key }) {
                t.append([.text(name), .integer(m.count), .integer(m.errors), .double(m.p50Ms, digits: 3),
                          .double(m.p90Ms, digits: 3), .double(m.p99Ms, digits: 3), .double(m.maxMs, digits: 3)])
            }
            return t
        }
    }
}
