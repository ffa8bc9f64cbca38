import ArgumentParser
import Foundation

/// `--dataset`, `--socket` and `--norms`, shared by every command that asks a question, and
/// the choice of backend they make.
public struct BackendOptions: ParsableArguments {
    @Option(help: "Answer in-process from this dataset file (no daemon needed; - reads it from standard input).")
    var dataset: String?

    @Option(help: "Ask the qadamd listening on this Unix socket (default: $QADAM_SOCKET).")
    var socket: String?

    @Option(help: "Norms catalogue for --dataset (default: $QADAM_NORMS, else geodata/norms/default.json of the installation; - reads standard input).")
    var norms: String?

    public init() {}

    /// Which backend the options name.
    public enum Mode: Equatable {
        case inProcess(dataset: String, norms: String?)
        case daemon(socket: String)
    }

    /// `--dataset` or `--socket`, exactly one; without either, `QADAM_SOCKET`. A flag beats
    /// the environment, so `--dataset` works in a shell that exports `QADAM_SOCKET`. Checked
    /// when the command runs rather than at parse time, so parsing does not depend on the
    /// environment; the `ValidationError` still exits 1 with the usage line.
    public func mode(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> Mode {
        let fromEnvironment = dataset == nil ? environment["QADAM_SOCKET"].flatMap { $0.isEmpty ? nil : $0 } : nil
        switch (dataset, socket ?? fromEnvironment) {
        case (let dataset?, nil):
            return .inProcess(dataset: dataset, norms: norms)
        case (nil, let socket?):
            guard norms == nil else {
                throw ValidationError("--norms applies to --dataset only; the daemon at \(socket) uses the norms it was started with")
            }
            return .daemon(socket: socket)
        case (.some, .some):
            throw ValidationError("pass either --dataset FILE (in-process) or --socket PATH (daemon), not both")
        case (nil, nil):
            throw ValidationError("no backend: pass --dataset FILE to answer in-process, or --socket PATH (or set QADAM_SOCKET) to ask qadamd")
        }
    }

    public func makeBackend() throws -> any QueryBackend {
        switch try mode() {
        case .inProcess(let dataset, let norms): return try Self.inProcessBackend(dataset: dataset, norms: norms)
        case .daemon(let socket): return try SocketBackend(socketPath: socket)
        }
    }

    /// The in-process backend for `--dataset` and `--norms` as given; `-` reads one of them
    /// from standard input (the dataset through a temporary copy: SQLite opens a file).
    static func inProcessBackend(dataset: String, norms: String?) throws -> InProcessBackend {
        try InProcessBackend(datasetPath: InputFile(dataset, option: "--dataset").readablePath(),
                             normsPath: norms.map { try InputFile($0, option: "--norms").readablePath() })
    }

    /// For commands about the daemon itself (`stats`, `reload`): `--dataset` is a usage error
    /// that says why.
    public func makeDaemonBackend(for command: String, because reason: String) throws -> SocketBackend {
        guard case .daemon(let socket) = try mode() else {
            throw CLIError("`qadam \(command)` needs a running qadamd (\(reason)): pass --socket PATH or set QADAM_SOCKET",
                           exitCode: .usage)
        }
        return try SocketBackend(socketPath: socket)
    }
}
