import QadamProtocol

/// One serialised response, with results over the size limit (or not expressible as JSON)
/// replaced by an error the client can act on.
struct ResponseLine {
    let text: String
    let failed: Bool

    init(id: JSONValue, outcome: Result<JSONValue, RPCError>, maxResultBytes: Int) {
        let response = RPCResponse(id: id, outcome: outcome)
        do {
            let text = try response.line()
            if case .success = outcome, text.utf8.count > maxResultBytes {
                let tooLarge = RPCError(code: RPCError.resultTooLargeCode,
                    message: "result is \(text.utf8.count) bytes, over the limit of \(maxResultBytes); narrow the query or fetch it in pages (limit/offset)",
                    data: ["bytes": .int(Int64(text.utf8.count)), "limit": .int(Int64(maxResultBytes))])
                self.init(text: (try? RPCResponse(id: id, error: tooLarge).line()) ?? "", failed: true)
                return
            }
            self.init(text: text, failed: response.error != nil)
        } catch {
            let internalError = RPCError.internalError(String(describing: error))
            self.init(text: (try? RPCResponse(id: id, error: internalError).line())
                      ?? (try? RPCResponse(id: .null, error: internalError).line()) ?? "", failed: true)
        }
    }

    private init(text: String, failed: Bool) {
        self.text = text
        self.failed = failed
    }
}
