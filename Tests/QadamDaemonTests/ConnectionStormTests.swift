import Foundation
import QadamContract
import TestSupport
import Testing

/// A burst of connects must wait in the listen backlog, not be refused, and logging must not
/// make an event loop wait on stderr.
@Suite struct ConnectionStormTests {
    /// 2,000 non-blocking connects in a burst: a connect that finds the backlog full fails at
    /// once with EAGAIN, so any refusal shows up here.
    @Test func aBurstOfTwoThousandConnectsIsAllAccepted() throws {
        var limit = rlimit()
        getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit)
        limit.rlim_cur = max(limit.rlim_cur, min(limit.rlim_max, 8_192))
        setrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit)
        let burst = 2_000
        try #require(limit.rlim_cur >= rlim_t(burst + 100), "the test needs \(burst + 100) descriptors")

        let daemon = try DaemonProcess(arguments: ["--max-connections", "4096"])
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            _ = daemon.socketPath.utf8CString.withUnsafeBytes { raw.copyMemory(from: $0) }
        }
        var open: [Int32] = []
        var refused: [Int32: Int] = [:]
        defer { for fd in open { close(fd) } }
        for _ in 0..<burst {
            let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
            try #require(fd >= 0)
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
            let rc = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
            }
            if rc == 0 || errno == EINPROGRESS { open.append(fd) } else { refused[errno, default: 0] += 1; close(fd) }
        }
        #expect(refused.isEmpty, "refused: \(refused) (errno: count)")
        // The daemon accepts them all and still answers.
        let client = try daemon.client()
        try waitFor {
            let stats = try client.call("stats").get()
            return (stats["connections"]?["total"]?.intValue ?? 0) >= Int64(burst + 1)
        }
        #expect(try client.call("ping").get()["pong"] == true)
    }

    /// Under systemd (`JOURNAL_STREAM` set) every line carries its syslog priority, and the
    /// queued writer still gets the last line out at exit.
    @Test func underSystemdLinesCarryTheirPriority() throws {
        let daemon = try DaemonProcess(environment: ["JOURNAL_STREAM": "8:4242"])
        _ = try daemon.client().call("ping")
        daemon.send(SIGTERM)
        #expect(try daemon.waitForExit() == 0)
        let lines = daemon.log().split(separator: "\n")
        #expect(lines.contains { $0.hasPrefix("<6>") && $0.contains("dataset loaded") })
        #expect(lines.contains { $0.hasPrefix("<7>") && $0.contains("connection opened") })
        #expect(lines.last.map { $0.hasPrefix("<6>") && $0.contains("stopped") } == true, "\(lines.suffix(3))")
        #expect(lines.allSatisfy { $0.hasPrefix("<") })
    }
}
