#if canImport(Glibc)
import Glibc
#endif

/// One client connection of the closed loop: one request in flight, its answer checked (the
/// first one read, the later ones compared with it byte for byte) and timed.
struct LoadConnection {
    let fd: Int32
    let index: Int
    private let request: [UInt8]
    private var received: [UInt8] = []
    private var firstAnswer: [UInt8]?
    private var sentAt: UInt64 = 0
    private(set) var open = true
    /// A request is sent and its answer not yet complete.
    private(set) var awaitingAnswer = false

    /// What reading a connection produced: round trips in nanoseconds and refused answers.
    struct Progress {
        var latencies: [UInt64] = []
        var failures: [String] = []
    }

    init(path: String, index: Int, request: [UInt8]) throws(ConnectError) {
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let pathBytes = Array(path.utf8)
        guard pathBytes.count < MemoryLayout.size(ofValue: address.sun_path) else { throw ConnectError(path: path, reason: "path too long") }
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            raw.copyBytes(from: pathBytes)
            raw[pathBytes.count] = 0
        }
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        guard fd >= 0, connected == 0 else {
            let reason = String(cString: strerror(errno))
            if fd >= 0 { Glibc.close(fd) }
            throw ConnectError(path: path, reason: reason)
        }
        self.fd = fd
        self.index = index
        self.request = request
    }

    /// Sends the request and starts its clock.
    mutating func send(at now: UInt64) -> String? {
        sentAt = now
        awaitingAnswer = true
        let written = request.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        if written == request.count { return nil }
        close()
        return "connection \(index): write failed: \(String(cString: strerror(errno)))"
    }

    /// Reads what arrived; each complete answer is checked and timed, and the next request is
    /// sent while `sendingUntil` has not passed.
    mutating func read(using scratch: UnsafeMutableRawBufferPointer, wire: WireProtocol, sendingUntil deadline: UInt64) -> Progress {
        var progress = Progress()
        let count = Glibc.read(fd, scratch.baseAddress, scratch.count)
        guard count > 0 else {
            progress.failures.append("connection \(index): closed by the daemon\(count < 0 ? ": \(String(cString: strerror(errno)))" : "")")
            close()
            return progress
        }
        received.append(contentsOf: UnsafeRawBufferPointer(rebasing: scratch[0..<count]))
        var consumed = 0
        while let length = wire.answerLength(in: received[consumed...]) {
            let answer = received[consumed..<consumed + length]
            consumed += length
            let now = monotonicNanoseconds()
            awaitingAnswer = false
            if let expected = firstAnswer {
                if !answer.elementsEqual(expected) {
                    progress.failures.append("connection \(index): answer differs from its first: \(String(decoding: answer.prefix(200), as: UTF8.self))")
                }
            } else if let refusal = wire.refusal(ofFirstAnswer: answer, connection: index) {
                progress.failures.append("connection \(index): \(refusal)")
            } else {
                firstAnswer = Array(answer)
            }
            progress.latencies.append(now - sentAt)
            if now < deadline, let failure = send(at: now) { progress.failures.append(failure) }
        }
        received.removeFirst(consumed)
        return progress
    }

    mutating func close() {
        guard open else { return }
        open = false
        awaitingAnswer = false
        Glibc.close(fd)
    }
}

struct ConnectError: Error, CustomStringConvertible {
    let path: String
    let reason: String
    var description: String { "cannot connect to \(path): \(reason)" }
}

func monotonicNanoseconds() -> UInt64 {
    var now = timespec()
    clock_gettime(CLOCK_MONOTONIC, &now)
    return UInt64(now.tv_sec) * 1_000_000_000 + UInt64(now.tv_nsec)
}
