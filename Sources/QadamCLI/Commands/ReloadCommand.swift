import ArgumentParser
import QadamContract

/// `qadam reload --socket PATH`: the daemon loads its dataset file again and swaps it in.
struct ReloadCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reload",
        abstract: "Make a running daemon load its dataset file again (needs --socket).",
        discussion: "Exit code 2 when the file cannot be loaded; the daemon then keeps serving the previous snapshot.")

    @OptionGroup var backend: BackendOptions

    @OptionGroup var output: OutputOptions

    func run() throws {
        let daemon = try backend.makeDaemonBackend(for: "reload", because: "an in-process dataset is loaded fresh on every run")
        let answer = try daemon.call(RPC.Reload.self, NoParams())
        try ResultOutput.write(answer.json, to: output, layer: "reload") {
            Tabular(columns: ["snapshot", "previous", "changed", "load_seconds"],
                    rows: [[.text(answer.snapshot ?? ""), .text(answer.result.previous),
                            .text(answer.result.changed ? "true" : "false"), .double(answer.result.loadSeconds, digits: 3)]])
        }
    }
}
