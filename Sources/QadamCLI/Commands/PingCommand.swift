import ArgumentParser

/// `qadam ping`: is the backend answering, and on which snapshot.
struct PingCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ping",
        abstract: "Check that the dataset or daemon answers, and show the snapshot (content hash) it serves.")

    @OptionGroup var backend: BackendOptions

    @OptionGroup var output: OutputOptions

    func run() throws {
        let result = try backend.makeBackend().call("ping")
        try ResultOutput.write(result, to: output, layer: "ping") {
            Tabular(columns: ["pong", "snapshot"],
                    rows: [[.text(result["pong"]?.boolValue == true ? "true" : "false"),
                            .text(result["snapshot"]?.stringValue ?? "")]])
        }
    }
}
