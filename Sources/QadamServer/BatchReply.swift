import QadamContract
import Synchronization

/// Gathers the answers of one JSON-RPC batch, which come from the event loop and the workers
/// in any order, and writes them as one array line once the last has come (the spec lets the
/// order differ from the requests'; ids tell them apart). The answers together are held to the
/// daemon's result limit: an answer that would take the batch over it is replaced by a short
/// -32002 error under its id (those errors may take the line a little past the limit: about
/// 200 bytes and the id each), so a batch holds about one large answer's memory.
final class BatchReply: Sendable {
    private struct State {
        var lines: [[UInt8]] = []
        var bytes = 2
        var written: [@Sendable () -> Void] = []
    }

    private let expected: Int
    private let maxResultBytes: Int
    private let send: LineSender
    private let state = Mutex(State())

    /// `expected` is the number of answers: the batch's requests that are not notifications.
    init(expected: Int, maxResultBytes: Int, send: @escaping LineSender) {
        self.expected = expected
        self.maxResultBytes = maxResultBytes
        self.send = send
    }

    /// What the router hands one request's answer line to, in place of the connection's sender.
    func sender(for id: JSONValue) -> LineSender {
        { [self] line, done in
            let complete = state.withLock { state -> (line: [UInt8], written: [@Sendable () -> Void])? in
                var line = line
                if state.bytes + line.count + 1 > maxResultBytes {
                    line = ResponseLine(id: id, error: RPCError(code: RPCError.resultTooLargeCode,
                        message: "the batch's answers are over the limit of \(maxResultBytes) bytes; send fewer requests per batch")).bytes
                }
                state.lines.append(line)
                state.bytes += line.count + 1
                state.written.append(done)
                guard state.lines.count == expected else { return nil }
                var joined: [UInt8] = [UInt8(ascii: "[")]
                joined.reserveCapacity(state.bytes)
                for (i, answer) in state.lines.enumerated() {
                    if i > 0 { joined.append(UInt8(ascii: ",")) }
                    joined.append(contentsOf: answer)
                }
                joined.append(UInt8(ascii: "]"))
                state.lines = [] // the joined line is the one copy kept
                return (joined, state.written)
            }
            guard let complete else { return }
            send(complete.line) { complete.written.forEach { $0() } }
        }
    }
}
