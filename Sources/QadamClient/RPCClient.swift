#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import QadamContract

/// A blocking JSON-RPC client over a Unix stream socket: one request line out, one response
/// line in. Plain POSIX, so that the CLI and tests need no event loop to talk to `qadamd`.
///
/// Not thread-safe: use one client per thread.
public final class RPCClient {
    public enum ClientError: Error, CustomStringConvertible {
        case connectFailed(path: String, errno: Int32)
        case pathTooLong(path: String)
        case sendFailed(path: String, errno: Int32)
        case receiveFailed(path: String, errno: Int32)
        case closedByDaemon(path: String)
        case badResponse(path: String, String)
        case mismatchedID(path: String, sent: JSONValue, got: JSONValue)
        /// The awaited answer came, but its result is not of the type asked for.
        case unreadableResult(path: String, String)

        public var description: String {
            switch self {
            case .connectFailed(let path, let e):
                return "cannot connect to qadamd at \(path): \(String(cString: strerror(e)))"
                    + " (is the daemon running? set --socket or QADAM_SOCKET)"
            case .pathTooLong(let path):
                return "socket path \(path) is longer than a Unix socket address allows"
            case .sendFailed(let path, let e):
                return "sending to qadamd at \(path) failed: \(String(cString: strerror(e)))"
            case .receiveFailed(let path, let e):
                return "reading from qadamd at \(path) failed: \(String(cString: strerror(e)))"
            case .closedByDaemon(let path):
                return "qadamd at \(path) closed the connection"
            case .badResponse(let path, let why):
                return "qadamd at \(path) sent a malformed response: \(why)"
            case .mismatchedID(let path, let sent, let got):
                return "qadamd at \(path) answered request id \(got) while \(sent) was expected"
            case .unreadableResult(let path, let why):
                return "the answer of qadamd at \(path) does not read as its result: \(why)"
            }
        }
    }

    public let path: String
    private let fd: Int32
    /// Bytes received and not yet returned as lines start at `unread`.
    private var buffer: [UInt8] = []
    private var unread = 0
    /// One receive area for the connection's life: a fresh 64 KiB array per `recv` (zeroed, then
    /// copied) was most of a closed-loop load generator's CPU.
    private let receiveArea = UnsafeMutableRawBufferPointer.allocate(byteCount: 65_536, alignment: 1)
    private var nextID: Int64 = 1

    /// Connects to the daemon's socket; `receiveTimeout` (seconds, 0 = none) bounds each read.
    public init(path: String, receiveTimeout: Double = 0) throws(ClientError) {
        self.path = path
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let pathBytes = Array(path.utf8)
        let capacity = MemoryLayout.size(ofValue: address.sun_path)
        guard pathBytes.count < capacity else { throw .pathTooLong(path: path) }
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            raw.copyBytes(from: pathBytes)
            raw[pathBytes.count] = 0
        }
        #if canImport(Glibc)
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        #else
        let fd = socket(AF_UNIX, SOCK_STREAM, 0)
        #endif
        guard fd >= 0 else { throw .connectFailed(path: path, errno: errno) }
        let rc = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        guard rc == 0 else {
            let e = errno
            close(fd)
            throw .connectFailed(path: path, errno: e)
        }
        if receiveTimeout > 0 {
            var tv = timeval(tv_sec: Int(receiveTimeout), tv_usec: Int((receiveTimeout.truncatingRemainder(dividingBy: 1)) * 1_000_000))
            setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, socklen_t(MemoryLayout<timeval>.size))
        }
        self.fd = fd
    }

    deinit {
        close(fd)
        receiveArea.deallocate()
    }

    /// Sends one request and waits for its response. A JSON-RPC error comes back as a
    /// response whose `error` is set; only transport failures throw.
    public func call(_ method: String, params: JSONValue = .null) throws -> RPCResponse {
        try response(to: start(method, params: params))
    }

    /// Sends one request and returns its id at once: the daemon works on it while this side
    /// does other things (sends more, writes earlier answers); `response(to:)` collects it.
    public func start(_ method: String, params: JSONValue = .null) throws -> JSONValue {
        let id = JSONValue.int(nextID)
        nextID += 1
        try send(RPCRequest(id: id, method: method, params: params))
        return id
    }

    /// `start` for params that write their own text (the audit's chunks of origins): the
    /// request line is written straight from them, with no `JSONValue` tree in between.
    public func start(_ method: String, writing params: some JSONTextWritable) throws -> JSONValue {
        let id = nextID
        nextID += 1
        var request = JSONTextWriter(reservingCapacity: 4096)
        try request.object { (o: inout JSONTextWriter) throws(EncodingError) in
            o.member("jsonrpc", "2.0")
            o.member("id", Int(id))
            o.member("method", method)
            try o.member("params", params)
        }
        var line = request.bytes
        line.append(UInt8(ascii: "\n"))
        try sendRaw(line)
        return .int(id)
    }

    /// The response to the request with `id`. Answers to pipelined requests may come in any
    /// order; those read on the way are kept for their own `response(to:)`.
    public func response(to id: JSONValue) throws -> RPCResponse {
        if let early = early.removeValue(forKey: id) { return try response(reading: early) }
        while true {
            let line = try readLine()
            let response = try response(reading: line)
            if response.id == id { return response }
            try keep(line, answering: response.id, awaiting: id)
        }
    }

    /// The response to the request with `id`, its result read as `R` straight from the text.
    /// A result of another shape is `unreadableResult`.
    public func response<R: JSONTextReadable>(to id: JSONValue, reading: R.Type) throws -> Result<R, RPCError> {
        var kept = early.removeValue(forKey: id)
        while true {
            let line = try kept ?? readLine()
            kept = nil
            let read: TypedResponse<R>
            do { read = try TypedResponse.read(line, awaiting: id) } catch {
                throw ClientError.badResponse(path: path, String(describing: error))
            }
            switch read {
            case .answer(let answer): return answer
            case .other(let other): try keep(line, answering: other, awaiting: id)
            case .unreadableResult(let error): throw ClientError.unreadableResult(path: path, error.description)
            }
        }
    }

    /// Keeps an answer to another request for its own `response(to:)`.
    private func keep(_ line: [UInt8], answering other: JSONValue, awaiting id: JSONValue) throws {
        guard other != .null, early.count < Self.maximumEarlyAnswers else {
            throw ClientError.mismatchedID(path: path, sent: id, got: other)
        }
        early[other] = line
    }

    /// Answer lines read before they were asked for, by id; bounded so a confused peer cannot
    /// grow it.
    private var early: [JSONValue: [UInt8]] = [:]
    private static let maximumEarlyAnswers = 64

    /// Sends one request without waiting (for pipelining); read answers with `readResponse()`.
    public func send(_ request: RPCRequest) throws {
        try sendRaw(Array((try request.line() + "\n").utf8))
    }

    /// Writes bytes exactly as given: for tests of the daemon's framing and error handling.
    public func sendRaw(_ bytes: [UInt8]) throws(ClientError) {
        var offset = 0
        while offset < bytes.count {
            let n = bytes[offset...].withUnsafeBytes { raw in
                #if canImport(Glibc)
                Glibc.send(fd, raw.baseAddress, raw.count, Int32(MSG_NOSIGNAL))
                #else
                Darwin.send(fd, raw.baseAddress, raw.count, 0)
                #endif
            }
            if n < 0 {
                if errno == EINTR { continue }
                throw .sendFailed(path: path, errno: errno)
            }
            offset += n
        }
    }

    /// Reads the next response line.
    public func readResponse() throws -> RPCResponse {
        try response(reading: readLine())
    }

    private func response(reading line: [UInt8]) throws -> RPCResponse {
        do {
            return try RPCResponse(json: try JSONText.parse(line))
        } catch {
            throw ClientError.badResponse(path: path, String(describing: error))
        }
    }

    /// Reads bytes up to the next newline (not included).
    public func readLine() throws(ClientError) -> [UInt8] {
        var scanned = unread
        while true {
            if let newline = buffer[scanned...].firstIndex(of: UInt8(ascii: "\n")) {
                let line = Array(buffer[unread..<newline])
                unread = newline + 1
                if unread == buffer.count {
                    buffer.removeAll(keepingCapacity: true)
                    unread = 0
                }
                return line
            }
            if unread > 0 {
                buffer.removeFirst(unread)
                unread = 0
            }
            scanned = buffer.count
            let n = recv(fd, receiveArea.baseAddress, receiveArea.count, 0)
            if n < 0 {
                if errno == EINTR { continue }
                throw .receiveFailed(path: path, errno: errno)
            }
            if n == 0 { throw .closedByDaemon(path: path) }
            buffer.append(contentsOf: UnsafeRawBufferPointer(rebasing: receiveArea[..<n]))
        }
    }
}
