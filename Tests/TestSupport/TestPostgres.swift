import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// A real PostgreSQL with PostGIS for the tests, started once per test process by
/// `scripts/start-test-postgres.sh` in a private directory (socket only, no TCP); the script
/// stops it once this process has ended, however it ended.
///
/// Tests that need it use `.enabled(if: TestPostgres.shouldRun, TestPostgres.skipReason)`:
/// without a PostgreSQL installation they are reported as skipped with the reason, except
/// under `CI=true`, where they run anyway and fail, so CI never passes without the server.
public final class TestPostgres: Sendable {
    /// `postgresql://postgres@/qadam_test?host=DIR`.
    public let url: String
    public let directory: String

    /// The server of this test process, started on first use; the error says why it could not be.
    public static let shared: Result<TestPostgres, Error> = Result { try TestPostgres() }

    public static var isInstalled: Bool {
        let versions = (try? FileManager.default.contentsOfDirectory(atPath: "/usr/lib/postgresql")) ?? []
        return versions.contains { v in
            FileManager.default.isExecutableFile(atPath: "/usr/lib/postgresql/\(v)/bin/initdb")
                && FileManager.default.fileExists(atPath: "/usr/share/postgresql/\(v)/extension/postgis.control")
        }
    }

    public static var shouldRun: Bool { isInstalled || SharedGeodata.isCI }

    public static let skipReason: Comment =
        "needs PostgreSQL with PostGIS (Debian: postgresql postgresql-15-postgis-3; scripts/install-deps.sh --tests installs them)"

    private static let script = SharedGeodata.repositoryRoot.appendingPathComponent("scripts/start-test-postgres.sh").path

    private init() throws {
        directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("qadam-pg-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString.prefix(8))").path
        url = try Self.run([Self.script, directory, "--owner", String(getpid())]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Runs SQL (psql's meta-commands such as `\copy` included) in the test database, stopping
    /// at the first error; returns what psql printed.
    @discardableResult
    public func psql(_ sql: String) throws -> String {
        let bin = try Self.run(["/bin/sh", "-c", "ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1"])
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let script = directory + "/input-\(UUID().uuidString).sql"
        try Data(sql.utf8).write(to: URL(fileURLWithPath: script))
        defer { try? FileManager.default.removeItem(atPath: script) }
        return try Self.run([bin + "/psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", directory, "-U", "postgres",
                             "-d", "qadam_test", "-f", script])
    }

    // MARK: Process plumbing

    /// Runs a command to its end and returns its standard output. posix_spawn and waitpid
    /// rather than Foundation's Process, whose wait never returned for the start script (the
    /// server it leaves running is a grandchild); output goes through files, not pipes, so
    /// no descendant can hold a pipe open.
    private static func run(_ argv: [String]) throws -> String {
        let capture = FileManager.default.temporaryDirectory.appendingPathComponent("qadam-pg-run-\(UUID().uuidString)").path
        defer {
            try? FileManager.default.removeItem(atPath: capture + ".out")
            try? FileManager.default.removeItem(atPath: capture + ".err")
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, capture + ".out", O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, capture + ".err", O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        let cArgs = argv.map { strdup($0) } + [nil]
        defer { cArgs.forEach { free($0) } }
        var child: pid_t = 0
        let rc = posix_spawn(&child, argv[0], &actions, nil, cArgs, environ)
        guard rc == 0 else { throw DaemonProcess.HarnessError(description: "posix_spawn \(argv[0]) failed: \(String(cString: strerror(rc)))") }
        var status: Int32 = 0
        while waitpid(child, &status, 0) == -1 && errno == EINTR {}
        let output = (try? String(contentsOfFile: capture + ".out", encoding: .utf8)) ?? ""
        let errors = (try? String(contentsOfFile: capture + ".err", encoding: .utf8)) ?? ""
        guard status == 0 else {
            throw DaemonProcess.HarnessError(description: "\(argv.joined(separator: " ")) failed (wait status \(status)): \(errors)")
        }
        return output
    }
}
