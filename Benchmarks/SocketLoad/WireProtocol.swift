import QadamContract

/// What the load generator speaks to the daemon under test: qadamd's JSON-RPC lines or
/// Redis's RESP. Each knows how to write one request and where an answer ends, so one closed
/// loop drives both daemons and the client costs the same on either side of a race.
enum WireProtocol {
    case jsonRPC(method: String, params: JSONValue)
    case redis(command: [String])

    /// The request a connection sends each time; `connection` is its JSON-RPC id, so every
    /// answer on one connection is the same bytes.
    func request(connection: Int) throws -> [UInt8] {
        switch self {
        case .jsonRPC(let method, let params):
            let line = try RPCRequest(id: .int(Int64(connection)), method: method, params: params).line()
            return Array(line.utf8) + [UInt8(ascii: "\n")]
        case .redis(let command):
            var bytes = Array("*\(command.count)\r\n".utf8)
            for argument in command {
                bytes += Array("$\(argument.utf8.count)\r\n".utf8) + Array(argument.utf8) + Array("\r\n".utf8)
            }
            return bytes
        }
    }

    /// The length of the first complete answer in `received`, or nil while it is unfinished.
    func answerLength(in received: ArraySlice<UInt8>) -> Int? {
        switch self {
        case .jsonRPC:
            guard let newline = received.firstIndex(of: UInt8(ascii: "\n")) else { return nil }
            return newline - received.startIndex + 1
        case .redis:
            var reader = RESPReader(bytes: received)
            return reader.skipValue() ? reader.position - received.startIndex : nil
        }
    }

    /// Why the first answer of a connection is not a successful one, or nil if it is. Every
    /// later answer must equal it byte for byte, which checks them all at the cost of a compare.
    func refusal(ofFirstAnswer answer: ArraySlice<UInt8>, connection: Int) -> String? {
        switch self {
        case .jsonRPC:
            guard let response = try? RPCResponse(json: JSONText.parse(Array(answer.dropLast()))) else {
                return "not a JSON-RPC response: \(String(decoding: answer.prefix(200), as: UTF8.self))"
            }
            if let error = response.error { return "error answer: \(error.message)" }
            return response.id == .int(Int64(connection)) ? nil : "answer for id \(response.id), expected \(connection)"
        case .redis:
            let text = String(decoding: answer, as: UTF8.self)
            if answer.first == UInt8(ascii: "-") { return "error answer: \(text)" }
            // An empty array or a nil would let every later answer equal "nothing found".
            return ["*0\r\n", "*-1\r\n", "$-1\r\n"].contains(text) ? "empty answer: \(text.debugDescription)" : nil
        }
    }
}

/// Just enough RESP (Redis's serialization protocol) to find where one reply ends.
private struct RESPReader {
    let bytes: ArraySlice<UInt8>
    var position: Int

    init(bytes: ArraySlice<UInt8>) {
        self.bytes = bytes
        self.position = bytes.startIndex
    }

    /// Moves past one whole value; false if the bytes end first.
    mutating func skipValue() -> Bool {
        guard position < bytes.endIndex else { return false }
        let type = bytes[position]
        position += 1
        guard let header = line() else { return false }
        switch type {
        case UInt8(ascii: "$"):
            guard let length = Int(header) else { return false }
            if length < 0 { return true }
            position += length + 2
            return position <= bytes.endIndex
        case UInt8(ascii: "*"):
            guard let count = Int(header) else { return false }
            for _ in 0..<max(count, 0) where !skipValue() { return false }
            return true
        default: // simple string, error, integer
            return true
        }
    }

    /// The text up to the next CRLF, moving past it.
    private mutating func line() -> String? {
        var end = position
        while end + 1 < bytes.endIndex {
            if bytes[end] == UInt8(ascii: "\r"), bytes[end + 1] == UInt8(ascii: "\n") {
                let text = String(decoding: bytes[position..<end], as: UTF8.self)
                position = end + 2
                return text
            }
            end += 1
        }
        return nil
    }
}
