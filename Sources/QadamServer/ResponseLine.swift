import QadamContract

/// One serialised response, as the UTF-8 bytes of its line (without the newline), with results
/// over the size limit (or not expressible as JSON) replaced by an error the client can act
/// on. A result arrives already written (`EncodedJSON`), so the envelope is put around its
/// bytes without reading them again.
struct ResponseLine {
    let bytes: [UInt8]
    let failed: Bool

    init(id: JSONValue, outcome: Result<EncodedJSON, RPCError>, maxResultBytes: Int) {
        switch outcome {
        case .success(let result):
            guard let idText = try? JSONText.serialize(id) else {
                self.init(id: .null, error: .internalError("the request id cannot be written as JSON"))
                return
            }
            let head = #"{"jsonrpc":"2.0","id":"#.utf8, middle = #","result":"#.utf8
            var bytes: [UInt8] = []
            bytes.reserveCapacity(head.count + idText.utf8.count + middle.count + result.bytes.count + 1)
            bytes.append(contentsOf: head)
            bytes.append(contentsOf: idText.utf8)
            bytes.append(contentsOf: middle)
            bytes.append(contentsOf: result.bytes)
            bytes.append(UInt8(ascii: "}"))
            guard bytes.count <= maxResultBytes else {
                self.init(id: id, error: RPCError(code: RPCError.resultTooLargeCode,
                    message: "result is \(bytes.count) bytes, over the limit of \(maxResultBytes); narrow the query or fetch it in pages (limit/offset)",
                    data: ["bytes": .int(Int64(bytes.count)), "limit": .int(Int64(maxResultBytes))]))
                return
            }
            self.init(bytes: bytes, failed: false)
        case .failure(let error):
            self.init(id: id, error: error)
        }
    }

    /// An error line; with a null id if the id itself cannot be written.
    init(id: JSONValue, error: RPCError) {
        let text = (try? RPCResponse(id: id, error: error).line())
            ?? (try? RPCResponse(id: .null, error: error).line())
            ?? (try? RPCResponse(id: .null, error: .internalError("the error cannot be written as JSON")).line()) ?? ""
        self.init(bytes: Array(text.utf8), failed: true)
    }

    private init(bytes: [UInt8], failed: Bool) {
        self.bytes = bytes
        self.failed = failed
    }
}
