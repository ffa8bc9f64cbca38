/// One JSON-RPC 2.0 request, already checked for shape.
public struct RPCRequest: Hashable, Sendable {
    /// `nil` for a notification (no `id` member): it runs, but gets no reply.
    public var id: JSONValue?
    public var method: String
    /// Absent (`.null`), an object or an array.
    public var params: RPCParams

    public init(id: JSONValue?, method: String, params: JSONValue = .null) {
        self.init(id: id, method: method, params: RPCParams(params))
    }

    public init(id: JSONValue?, method: String, params: RPCParams) {
        self.id = id
        self.method = method
        self.params = params
    }

    public var isNotification: Bool { id == nil }

    /// The request as one line of wire text, without the newline.
    public func line() throws -> String {
        var members: [String: JSONValue] = ["jsonrpc": "2.0", "method": .string(method)]
        if let id { members["id"] = id }
        let params = try params.value()
        if params != .null { members["params"] = params }
        return try JSONText.serialize(.object(members))
    }

    /// Reads one request line. Errors carry the JSON-RPC code to answer with and, where the
    /// line got far enough to have one, the request id (`.null` otherwise).
    ///
    /// A well-formed request object keeps its params as text (`RPCParams`), for the method to
    /// read; any other line is parsed whole, so every refusal is the one `parse(_:)` gives.
    public static func parse(line: some Collection<UInt8>) -> Result<RPCRequest, RPCFailure> {
        let bytes = Array(line)
        return readKeepingParamsText(bytes) ?? parseWhole(line: bytes)
    }

    /// `parse(line:)` through a tree of the whole line: the reference the params-keeping read
    /// is held to (ProtocolCodingTests), and the path of every line that is not a well-formed
    /// request object.
    public static func parseWhole(line: [UInt8]) -> Result<RPCRequest, RPCFailure> {
        parseJSON(line: line).flatMap(parse)
    }

    /// A request line as a JSON value, or the refusal of a line that is not JSON within the
    /// limits: the same for a single request and a batch.
    static func parseJSON(line: [UInt8]) -> Result<JSONValue, RPCFailure> {
        do {
            return .success(try JSONText.parse(line))
        } catch {
            switch error {
            case .tooDeep(let limit):
                return .failure(RPCFailure(id: .null, error: .invalidRequest("JSON nested deeper than \(limit) levels")))
            case .invalid(let why):
                return .failure(RPCFailure(id: .null, error: .parseError(why)))
            }
        }
    }

    public static func parse(_ value: JSONValue) -> Result<RPCRequest, RPCFailure> {
        guard case .object(let members) = value else {
            return .failure(RPCFailure(id: .null, error: .invalidRequest("expected a request object, got \(value.typeName)")))
        }
        return check(id: members["id"], jsonrpc: members["jsonrpc"], method: members["method"], params: members["params"])
    }

    /// The request made of these members (nil where a member is absent), or why it is refused.
    private static func check(id: JSONValue?, jsonrpc: JSONValue?, method: JSONValue?, params: JSONValue?) -> Result<RPCRequest, RPCFailure> {
        switch id {
        case nil, .null?, .string?, .int?, .double?: break
        case let other?:
            return .failure(RPCFailure(id: .null, error: .invalidRequest("'id' must be a string, number or null, got \(other.typeName)")))
        }
        let replyID = id ?? .null
        guard jsonrpc == "2.0" else {
            return .failure(RPCFailure(id: replyID, error: .invalidRequest("'jsonrpc' must be \"2.0\"")))
        }
        guard let method = method?.stringValue else {
            return .failure(RPCFailure(id: replyID, error: .invalidRequest("'method' must be a string")))
        }
        let params = params ?? .null
        switch params {
        case .null, .object, .array: break
        default:
            return .failure(RPCFailure(id: replyID, error: .invalidRequest("'params' must be an object or an array, got \(params.typeName)")))
        }
        return .success(RPCRequest(id: id, method: method, params: params))
    }

    /// The first byte of a line that is not JSON whitespace: `{` for a request, `[` for a batch.
    static func firstNonBlank(of line: [UInt8]) -> UInt8? {
        line.first { $0 != 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D }
    }

    /// The request members of a well-formed line, read without building the params: nil when
    /// the line is not a JSON object within the limits of `JSONText.parse`, which then reports
    /// it. The members are checked as `parse(_:)` checks them, with the params stood in by an
    /// empty value of their kind; members a request does not have are skipped over.
    private static func readKeepingParamsText(_ line: [UInt8]) -> Result<RPCRequest, RPCFailure>? {
        guard firstNonBlank(of: line) == UInt8(ascii: "{"),
              JSONText.nestingDepth(of: line) <= JSONText.maximumDepth else { return nil }
        var id: JSONValue?, jsonrpc: JSONValue?, method: JSONValue?
        var paramsAt: Range<Int>?
        do {
            try JSONTextReader.read(line) { (json: inout JSONTextReader) throws(JSONSyntaxError) in
                // A repeated member counts as its last occurrence, as in the parsed tree.
                try json.object { (key: String, v: inout JSONTextReader) throws(JSONSyntaxError) in
                    switch key {
                    case "params": paramsAt = try v.skipped()
                    case "id": id = try v.value()
                    case "jsonrpc": jsonrpc = try v.value()
                    case "method": method = try v.value()
                    default: try v.skip()
                    }
                }
            }
        } catch {
            return nil
        }
        var params: JSONValue?
        var paramsText: [UInt8]?
        if let paramsAt {
            let text = Array(line[paramsAt])
            switch text.first {
            case UInt8(ascii: "{"): params = .object([:]); paramsText = text
            case UInt8(ascii: "["): params = .array([]); paramsText = text
            default: params = try? JSONParser.parse(text, allowNonFinite: false)
            }
        }
        return check(id: id, jsonrpc: jsonrpc, method: method, params: params).map { request in
            guard let paramsText else { return request }
            return RPCRequest(id: request.id, method: request.method, params: RPCParams(text: paramsText))
        }
    }
}

/// A request that could not be accepted, with the id to answer it under.
public struct RPCFailure: Error, Hashable, Sendable {
    public var id: JSONValue
    public var error: RPCError

    public init(id: JSONValue, error: RPCError) {
        self.id = id
        self.error = error
    }
}

/// One JSON-RPC 2.0 response: a result or an error, under the request's id.
public struct RPCResponse: Hashable, Sendable {
    public var id: JSONValue
    public var outcome: Result<JSONValue, RPCError>

    public init(id: JSONValue, outcome: Result<JSONValue, RPCError>) {
        self.id = id
        self.outcome = outcome
    }

    public init(id: JSONValue, result: JSONValue) { self.init(id: id, outcome: .success(result)) }
    public init(id: JSONValue, error: RPCError) { self.init(id: id, outcome: .failure(error)) }

    /// The result, or the error thrown.
    public func get() throws(RPCError) -> JSONValue { try outcome.get() }

    public var error: RPCError? {
        if case .failure(let e) = outcome { return e }
        return nil
    }

    public var json: JSONValue {
        switch outcome {
        case .success(let result): return ["jsonrpc": "2.0", "id": id, "result": result]
        case .failure(let error): return ["jsonrpc": "2.0", "id": id, "error": error.json]
        }
    }

    /// The response as one line of wire text, without the newline.
    public func line() throws(JSONText.NonFiniteNumber) -> String { try JSONText.serialize(json) }

    public enum DecodeError: Error, CustomStringConvertible {
        case notAResponse(String)
        public var description: String {
            switch self { case .notAResponse(let why): return "not a JSON-RPC response: \(why)" }
        }
    }

    public init(json: JSONValue) throws(DecodeError) {
        guard case .object(let members) = json else { throw .notAResponse("expected an object") }
        let id = members["id"] ?? .null
        if let result = members["result"] {
            self.init(id: id, result: result)
        } else if let errorJSON = members["error"], let error = RPCError(json: errorJSON) {
            self.init(id: id, error: error)
        } else {
            throw .notAResponse("neither 'result' nor a well-formed 'error'")
        }
    }
}
