import ArgumentParser
import QadamContract

/// `qadam ping`: is the backend answering, and on which snapshot.
struct PingCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ping",
        abstract: "Check that the dataset or daemon answers, and show the snapshot (content hash) it serves.")

    @OptionGroup var backend: BackendOptions

    @OptionGroup var output: OutputOptions

    func run() throws {
        let answer = try backend.makeBackend().call(RPC.Ping.self, NoParams())
        try ResultOutput.write(answer.json, to: output, layer: "ping") {
            Tabular(columns: ["pong", "snapshot"], rows: [[.text(answer.result.pong ? "true" : "false"), .text(answer.snapshot ?? "")]])
        }
    }
}
