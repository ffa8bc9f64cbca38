import QadamProtocol

/// One serialised response, with results over the size limit (or not expressible as JSON)
/// replaced by an error the client can act on. A result arrives already written
/// (`EncodedJSON`), so the envelope is put around its text without reading it again.
struct ResponseLine {
    let text: String
    let failed: Bool

    init(id: JSONValue, outcome: Result<EncodedJSON, RPCError>, maxResultBytes: Int) {
        switch outcome {
        case .success(let result):
            guard let idText = try? JSONText.serialize(id) else {
                self.init(id: .null, error: .internalError("the request id cannot be written as JSON"))
                return
            }
            var text = #"{"jsonrpc":"2.0","id":"#
            text.reserveCapacity(text.utf8.count + idText.utf8.count + result.text.utf8.count + 12)
            text += idText
            text += #","result":"#
            text += result.text
            text += "}"
            let bytes = text.utf8.count
            guard bytes <= maxResultBytes else {
                self.init(id: id, error: RPCError(code: RPCError.resultTooLargeCode,
                    message: "result is \(bytes) bytes, over the limit of \(maxResultBytes); narrow the query or fetch it in pages (limit/offset)",
                    data: ["bytes": .int(Int64(bytes)), "limit": .int(Int64(maxResultBytes))]))
                return
            }
            self.init(text: text, failed: false)
        case .failure(let error):
            self.init(id: id, error: error)
        }
    }

    /// An error line; with a null id if the id itself cannot be written.
    init(id: JSONValue, error: RPCError) {
        let text = (try? RPCResponse(id: id, error: error).line())
            ?? (try? RPCResponse(id: .null, error: error).line())
            ?? (try? RPCResponse(id: .null, error: .internalError("the error cannot be written as JSON")).line()) ?? ""
        self.init(text: text, failed: true)
    }

    private init(text: String, failed: Bool) {
        self.text = text
        self.failed = failed
    }
}

extension Result<JSONValue, RPCError> {
    /// A result the daemon built as a value (`stats`, `info`, `reload`), written for the wire.
    var encoded: Result<EncodedJSON, RPCError> {
        flatMap { value in
            do {
                return .success(try EncodedJSON(value))
            } catch {
                return .failure(.internalError("result cannot be written as JSON: \(error)"))
            }
        }
    }
}
