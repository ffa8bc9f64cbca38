/// A JSON-RPC 2.0 error object: what went wrong, in words a planner can act on.
///
/// Codes from -32700 to -32600 are the JSON-RPC standard ones; -32001 and below are Qadam's
/// application codes, each documented in docs/protocol.md.
public struct RPCError: Error, Hashable, Sendable, CustomStringConvertible {
    public var code: Int
    public var message: String
    public var data: JSONValue?

    public init(code: Int, message: String, data: JSONValue? = nil) {
        self.code = code
        self.message = message
        self.data = data
    }

    public var description: String { "\(message) (code \(code))" }

    // Standard JSON-RPC 2.0 codes.
    public static let parseErrorCode = -32700
    public static let invalidRequestCode = -32600
    public static let methodNotFoundCode = -32601
    public static let invalidParamsCode = -32602
    public static let internalErrorCode = -32603

    // Qadam application codes.
    /// The dataset could not be loaded or reloaded.
    public static let datasetErrorCode = -32001
    /// The result would exceed the daemon's size limit; page or narrow the query.
    public static let resultTooLargeCode = -32002
    /// The daemon is overloaded, shutting down, or the request ran past its time limit.
    public static let unavailableCode = -32003
    /// The connecting user is not on the daemon's allow-list.
    public static let accessDeniedCode = -32005

    public static func parseError(_ why: String) -> RPCError {
        RPCError(code: parseErrorCode, message: "Parse error: \(why)")
    }

    public static func invalidRequest(_ why: String) -> RPCError {
        RPCError(code: invalidRequestCode, message: "Invalid request: \(why)")
    }

    public static func methodNotFound(_ method: String, known: [String]) -> RPCError {
        RPCError(code: methodNotFoundCode, message: "Method not found: '\(method)'",
                 data: ["methods": .array(known.sorted().map { .string($0) })])
    }

    /// Bad parameters; `field` is a path such as `points[2]` or `profile`.
    public static func invalidParams(field: String, _ why: String) -> RPCError {
        RPCError(code: invalidParamsCode, message: "Invalid params: '\(field)' \(why)",
                 data: ["field": .string(field)])
    }

    public static func internalError(_ why: String) -> RPCError {
        RPCError(code: internalErrorCode, message: "Internal error: \(why)")
    }

    var json: JSONValue {
        var members: [String: JSONValue] = ["code": .int(Int64(code)), "message": .string(message)]
        if let data { members["data"] = data }
        return .object(members)
    }

    public init?(json: JSONValue) {
        guard let code = json["code"]?.intValue, let message = json["message"]?.stringValue else { return nil }
        self.init(code: Int(code), message: message, data: json["data"])
    }
}
