import ArgumentParser
import Foundation

/// Runs the CLI with the documented exit codes (0 ok, 1 usage, 2 data error, 3 daemon
/// unreachable) instead of ArgumentParser's EX_USAGE (64).
public enum CLIMain {
    public static func run(_ arguments: [String]? = nil) -> Never {
        do {
            var command = try QadamCommand.parseAsRoot(arguments)
            try command.run()
            exit(0)
        } catch let error as CLIError {
            FileHandle.standardError.write(Data("qadam: \(StandardInput.reword(error.message))\n".utf8))
            exit(error.exitCode.rawValue)
        } catch {
            let code = QadamCommand.exitCode(for: error)
            if code == .success {
                QadamCommand.exit(withError: error) // --help, --version: prints and exits 0
            }
            // Messages name standard input so, not by its temporary copy (`InputFile`).
            let message = StandardInput.reword(QadamCommand.fullMessage(for: error))
            FileHandle.standardError.write(Data("\(message)\n".utf8))
            exit(code == .validationFailure ? CLIExitCode.usage.rawValue : CLIExitCode.dataError.rawValue)
        }
    }
}

/// The exit codes documented in `qadam --help` and docs/cli.md.
public enum CLIExitCode: Int32, Sendable {
    case ok = 0, usage = 1, dataError = 2, daemonUnreachable = 3
}

/// An error the CLI reports in one line and maps to an exit code.
public struct CLIError: Error, CustomStringConvertible {
    public let message: String
    public let exitCode: CLIExitCode

    public init(_ message: String, exitCode: CLIExitCode = .dataError) {
        self.message = message
        self.exitCode = exitCode
    }

    public var description: String { message }
}
