import Foundation
import TestSupport

/// Runs the built `qadam` binary, as a user would, and captures what it prints.
enum QadamProcess {
    struct Result {
        let status: Int32
        let stdout: String
        let stderr: String

        /// Standard output parsed as JSON (fails the caller's `try` if it is not JSON).
        func json() throws -> Any { try JSONSerialization.jsonObject(with: Data(stdout.utf8)) }
    }

    /// A child that exits before reading all its input must not kill the test process with
    /// SIGPIPE: the write then fails with EPIPE instead.
    private static let brokenPipeIgnored: Void = { signal(SIGPIPE, SIG_IGN) }()

    /// `.build/debug/qadam` under the repository; `swift build` (or `swift test`) puts it there.
    static let binary: URL = SharedGeodata.repositoryRoot.appendingPathComponent(".build/debug/qadam")

    /// Runs `qadam` with `arguments`. The child's environment is this process's without
    /// `QADAM_SOCKET` (so a developer's shell cannot pick the backend), plus `environment`.
    /// With `standardInput`, those bytes are piped to the child's standard input (then closed).
    static func run(_ arguments: [String], environment: [String: String] = [:], standardInput: Data? = nil) throws -> Result {
        guard FileManager.default.isExecutableFile(atPath: binary.path) else {
            throw CocoaError(.fileNoSuchFile, userInfo: [NSLocalizedDescriptionKey: "\(binary.path) is missing: run `swift build --product qadam` first"])
        }
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        var inherited = ProcessInfo.processInfo.environment
        inherited["QADAM_SOCKET"] = nil
        process.environment = inherited.merging(environment) { _, new in new }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        let input = standardInput.map { _ in Pipe() }
        if let input { process.standardInput = input }
        try process.run()
        if let input, let standardInput {
            _ = Self.brokenPipeIgnored
            // Written from another thread while this one drains the output pipes, so neither
            // side can block on a full pipe. A child that stops reading early is no error here.
            let writer = input.fileHandleForWriting
            Thread.detachNewThread {
                try? writer.write(contentsOf: standardInput)
                try? writer.close()
            }
        }
        // Read both pipes to the end before waiting, so a large output cannot block the child.
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData, as: UTF8.self))
    }
}
