/// What one request line holds, as JSON-RPC 2.0 reads it: one request (or why it is refused),
/// or a batch, an array of them. The spec's rules: an empty array, or a line that is not JSON,
/// is one refusal, not a batch; each element of a batch is checked on its own, so `[1, 2]` is a
/// batch of two invalid requests.
public enum RPCLine: Sendable {
    case single(Result<RPCRequest, RPCFailure>)
    case batch([Result<RPCRequest, RPCFailure>])

    /// The most requests one batch may hold: each answer may be as large as a whole answer, and
    /// the batch's answers travel together, so an unbounded batch is unbounded memory.
    public static let maximumBatchCount = 100

    public static func parse(_ line: some Collection<UInt8>) -> RPCLine {
        let bytes = Array(line)
        guard RPCRequest.firstNonBlank(of: bytes) == UInt8(ascii: "[") else {
            return .single(RPCRequest.parse(line: bytes))
        }
        let value: JSONValue
        switch RPCRequest.parseJSON(line: bytes) {
        case .success(let parsed): value = parsed
        case .failure(let failure): return .single(.failure(failure))
        }
        guard case .array(let items) = value, !items.isEmpty else {
            return .single(.failure(RPCFailure(id: .null, error: .invalidRequest("an empty batch; send at least one request"))))
        }
        guard items.count <= maximumBatchCount else {
            return .single(.failure(RPCFailure(id: .null, error: .invalidRequest(
                "a batch of \(items.count) requests, over the limit of \(maximumBatchCount); send it in smaller batches or pipeline single requests"))))
        }
        return .batch(items.map(RPCRequest.parse))
    }
}
