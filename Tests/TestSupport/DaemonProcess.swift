import Foundation
import QadamData
import QadamContract
#if canImport(Glibc)
import Glibc
import QadamClient
#endif

/// A real `qadamd` child process, built by `swift build`, serving a `DatasetFixture` dataset
/// from its own scratch directory. Used by the daemon tests and by the CLI's socket-mode tests.
///
/// Spawned with posix_spawn so that a test can hand it a listening socket as fd 3 (socket
/// activation) and set `LISTEN_PID` to the child's own pid via `sh -c '... exec'`.
public final class DaemonProcess {
    public struct HarnessError: Error, CustomStringConvertible {
        public let description: String
        public init(description: String) { self.description = description }
    }

    public let pid: pid_t
    public let directory: String
    public let socketPath: String
    public let datasetPath: String
    public let logPath: String
    /// The content hash of the dataset the daemon started on.
    public let contentHash: String
    private var exitStatus: Int32?

    /// `QADAMD_BIN`, else `.build/debug/qadamd` in the repository.
    public static func binaryPath() throws -> String {
        if let path = ProcessInfo.processInfo.environment["QADAMD_BIN"], !path.isEmpty { return path }
        let path = SharedGeodata.repositoryRoot.appendingPathComponent(".build/debug/qadamd").path
        guard FileManager.default.isExecutableFile(atPath: path) else {
            throw HarnessError(description: "\(path) not found; run `swift build --product qadamd` first or set QADAMD_BIN")
        }
        return path
    }

    /// Starts a daemon on a fresh fixture dataset and waits until it accepts connections.
    /// The norms catalogue is the repository's, named explicitly so the test's working
    /// directory does not matter. `listener` becomes its fd 3 with LISTEN_FDS=1 (socket
    /// activation).
    /// `withNetwork` serves the fixture with its synthetic street network; `copying` serves a
    /// copy of an existing dataset file instead of a fixture.
    public init(variant: DatasetFixture.Variant = .a, withNetwork: Bool = false, copying existing: String? = nil,
                arguments: [String] = [], environment: [String: String] = [:],
                listener: Int32? = nil, socketPath explicitSocket: String? = nil, waitForSocket: Bool = true) throws {
        directory = try DatasetFixture.scratchDirectory()
        datasetPath = directory + "/dataset.qadam"
        socketPath = explicitSocket ?? directory + "/qadamd.sock"
        logPath = directory + "/qadamd.log"
        if let existing {
            try FileManager.default.copyItem(atPath: existing, toPath: datasetPath)
            contentHash = try DatasetStore.open(URL(fileURLWithPath: datasetPath)).info().contentHash
        } else {
            contentHash = try DatasetFixture.write(to: datasetPath, variant: variant, withNetwork: withNetwork)
        }

        var argv = [try Self.binaryPath(), "--dataset", datasetPath, "--norms", DatasetFixture.normsPath, "--log-level", "debug"]
        if listener == nil { argv += ["--socket", socketPath] }
        argv += arguments
        if listener != nil {
            argv = ["/bin/sh", "-c", "LISTEN_PID=$$ LISTEN_FDS=1 exec \"$0\" \"$@\""] + argv
        }
        var env = ProcessInfo.processInfo.environment
        for key in ["NOTIFY_SOCKET", "WATCHDOG_USEC", "WATCHDOG_PID", "LISTEN_PID", "LISTEN_FDS", "QADAMD_SOCKET", "QADAMD_DATASET", "QADAMD_NORMS"] {
            env[key] = nil
        }
        env.merge(environment) { _, new in new }

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, logPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 2, 1)
        if let listener { posix_spawn_file_actions_adddup2(&actions, listener, 3) }

        let cArgs = argv.map { strdup($0) } + [nil]
        let cEnv = env.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (cArgs + cEnv).forEach { free($0) } }
        var child: pid_t = 0
        let rc = posix_spawn(&child, argv[0], &actions, nil, cArgs, cEnv)
        guard rc == 0 else { throw HarnessError(description: "posix_spawn \(argv[0]) failed: \(String(cString: strerror(rc)))") }
        pid = child
        if waitForSocket { try waitUntilServing() }
    }

    deinit {
        if exitStatus == nil {
            kill(pid, SIGKILL)
            var status: Int32 = 0
            waitpid(pid, &status, 0)
        }
        try? FileManager.default.removeItem(atPath: directory)
    }

    /// Polls until a connection succeeds (the daemon binds only after loading its dataset).
    public func waitUntilServing() throws {
        for _ in 0..<500 {
            if (try? RPCClient(path: socketPath)) != nil { return }
            if hasExited() { throw HarnessError(description: "qadamd exited before serving:\n\(log())") }
            usleep(20_000)
        }
        throw HarnessError(description: "qadamd did not start serving on \(socketPath):\n\(log())")
    }

    public func client(timeout: Double = 30) throws -> RPCClient {
        try RPCClient(path: socketPath, receiveTimeout: timeout)
    }

    public func send(_ signal: Int32) { kill(pid, signal) }

    private func hasExited() -> Bool {
        if exitStatus != nil { return true }
        var status: Int32 = 0
        if waitpid(pid, &status, WNOHANG) == pid { exitStatus = status; return true }
        return false
    }

    /// Waits (bounded) for the process to end and returns its exit code (or 128+signal).
    public func waitForExit(timeout: Double = 20) throws -> Int32 {
        let deadline = Date().addingTimeInterval(timeout)
        while !hasExited() {
            guard Date() < deadline else { throw HarnessError(description: "qadamd did not exit:\n\(log())") }
            usleep(10_000)
        }
        let status = exitStatus!
        let signalled = status & 0x7f
        return signalled == 0 ? (status >> 8) & 0xff : 128 + signalled
    }

    /// Resident memory in KiB, from /proc.
    public func residentKiB() throws -> Int {
        let status = try String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8)
        guard let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }),
              let kib = Int(line.split(separator: " ", omittingEmptySubsequences: true)[1])
        else { throw HarnessError(description: "no VmRSS in /proc/\(pid)/status") }
        return kib
    }

    public func log() -> String { (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? "" }
}

/// Polls `condition` (bounded) for state that changes asynchronously in the daemon.
public func waitFor(_ what: String = #function, _ condition: () throws -> Bool) throws {
    for _ in 0..<500 {
        if try condition() { return }
        usleep(10_000)
    }
    throw DaemonProcess.HarnessError(description: "condition never became true in \(what)")
}
