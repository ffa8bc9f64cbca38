import QadamContract

/// A response line as read by a client that waits on one request and reads its result as `R`
/// straight from the text (`RPCClient.response(to:reading:)`), with no `JSONValue` tree for it.
enum TypedResponse<R: JSONTextReadable> {
    /// The answer to the awaited request.
    case answer(Result<R, RPCError>)
    /// The answer to another request: pipelined answers can come in any order.
    case other(id: JSONValue)
    /// The awaited answer, whose result does not read as `R` (a daemon of another version).
    case unreadableResult(JSONSyntaxError)

    static func read(_ line: [UInt8], awaiting expected: JSONValue) throws(JSONSyntaxError) -> TypedResponse {
        var resultFailure: JSONSyntaxError?
        do {
            return try JSONTextReader.read(line) { (json: inout JSONTextReader) throws(JSONSyntaxError) -> TypedResponse in
                var id: JSONValue?, result: R?, resultAt: Range<Int>?, error: JSONValue?
                func readResult(_ r: inout JSONTextReader) throws(JSONSyntaxError) -> R {
                    do { return try R(reading: &r) } catch { resultFailure = error; throw error }
                }
                try json.object { (key: String, v: inout JSONTextReader) throws(JSONSyntaxError) in
                    switch key {
                    case "id": id = try v.value()
                    // qadamd writes the id first, so the result is read as it is met; a result
                    // before its id is passed over and read once the id says it is awaited.
                    case "result" where id == expected: result = try readResult(&v)
                    case "result": resultAt = try v.skipped()
                    case "error": error = try v.value()
                    default: try v.skip()
                    }
                }
                guard let id, id == expected else { return .other(id: id ?? .null) }
                if let result { return .answer(.success(result)) }
                if let resultAt { return .answer(.success(try json.reading(at: resultAt, readResult))) }
                if let error, let rpcError = RPCError(json: error) { return .answer(.failure(rpcError)) }
                throw json.refusal("neither a result nor a well-formed error")
            }
        } catch {
            if let resultFailure { return .unreadableResult(resultFailure) }
            throw error
        }
    }
}
