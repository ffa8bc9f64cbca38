import Foundation
import QadamContract
import TestSupport
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The daemon as systemd runs it: a listening socket handed over as fd 3, readiness, watchdog,
/// reload and stop reported as datagrams on $NOTIFY_SOCKET.
@Suite struct SystemdIntegrationTests {
    @Test func socketActivationAndNotifications() throws {
        let dir = try DatasetFixture.scratchDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let socketPath = dir + "/activated.sock"
        let listener = try UnixSocket.listen(at: socketPath)
        let notify = try UnixSocket.datagram(at: dir + "/notify")
        defer { close(listener); close(notify) }

        let daemon = try DaemonProcess(environment: ["NOTIFY_SOCKET": dir + "/notify", "WATCHDOG_USEC": "100000"],
                                       listener: listener, socketPath: socketPath, waitForSocket: false)
        let ready = try UnixSocket.receive(notify, until: { $0.contains("READY=1") })
        #expect(ready.contains("STATUS=serving"))
        #expect(ready.contains(daemon.contentHash))
        _ = try UnixSocket.receive(notify, until: { $0 == "WATCHDOG=1" })
        _ = try UnixSocket.receive(notify, until: { $0 == "WATCHDOG=1" })

        #expect(try daemon.client().call("ping").get()["snapshot"] == .string(daemon.contentHash))
        #expect(daemon.log().contains("inherited from systemd"))

        let hashB = try DatasetFixture.replace(daemon.datasetPath, variant: .b)
        daemon.send(SIGHUP)
        _ = try UnixSocket.receive(notify, until: { $0.hasPrefix("RELOADING=1\nMONOTONIC_USEC=") })
        let reloaded = try UnixSocket.receive(notify, until: { $0.contains("READY=1") })
        #expect(reloaded.contains(hashB))
        #expect(try daemon.client().call("ping").get()["snapshot"] == .string(hashB))

        daemon.send(SIGTERM)
        _ = try UnixSocket.receive(notify, until: { $0.hasPrefix("STOPPING=1") })
        #expect(try daemon.waitForExit() == 0)
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/systemd-analyze")))
    func unitFilesVerify() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let process = Process()
        process.executableURL = root.appendingPathComponent("scripts/verify-units.sh")
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(text)")
    }
}

/// Raw sockets for playing systemd's part.
enum UnixSocket {
    private static func address(_ path: String) -> sockaddr_un {
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { $0.copyBytes(from: Array(path.utf8) + [0]) }
        return address
    }

    private static func bind(_ fd: Int32, _ path: String) throws {
        var address = address(path)
        let rc = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        guard rc == 0 else { throw DaemonProcess.HarnessError(description: "bind \(path): \(String(cString: strerror(errno)))") }
    }

    /// A listening stream socket, as systemd's `ListenStream=` makes.
    static func listen(at path: String) throws -> Int32 {
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        try bind(fd, path)
        guard Glibc.listen(fd, 64) == 0 else { throw DaemonProcess.HarnessError(description: "listen failed") }
        return fd
    }

    /// A datagram socket to receive sd_notify messages, with a receive timeout.
    static func datagram(at path: String) throws -> Int32 {
        let fd = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        try bind(fd, path)
        var tv = timeval(tv_sec: 10, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, socklen_t(MemoryLayout<timeval>.size))
        return fd
    }

    /// Reads datagrams until one satisfies `wanted` (each read bounded by the timeout).
    static func receive(_ fd: Int32, until wanted: (String) -> Bool) throws -> String {
        var seen: [String] = []
        while true {
            var buffer = [UInt8](repeating: 0, count: 4096)
            let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            guard n > 0 else {
                throw DaemonProcess.HarnessError(description: "no matching notification; got \(seen)")
            }
            let message = String(decoding: buffer[..<n], as: UTF8.self)
            if wanted(message) { return message }
            seen.append(message)
        }
    }
}
