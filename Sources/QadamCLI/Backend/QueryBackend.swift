import QadamProtocol

/// Where a command's questions are answered: a dataset loaded in this process, or a running
/// qadamd. Both run the same `MethodRegistry` on the same snapshot type, so a command prints
/// the same answer either way.
///
/// `call` returns the method's result object, or throws a `CLIError` carrying the exit code:
/// 2 for an error answer (RPC error or unloadable dataset), 3 when the daemon cannot be reached.
public protocol QueryBackend {
    func call(_ method: String, params: JSONValue) throws -> JSONValue
    /// Starts a call and returns at once where the backend can work meanwhile (a daemon
    /// computes while this process writes earlier answers); `PendingCall.answer()` waits for it.
    /// A backend that cannot work in the background (in-process) computes it when asked.
    func start(_ method: String, params: JSONValue) throws -> PendingCall<JSONValue>
    /// `start` for a method of the wire contract: the answer is collected as `M.Result`. A
    /// daemon's answer is read straight from its text where the types can (the audit's rows).
    func start<M: RPCMethod>(_ method: M.Type, _ params: M.Params) throws -> PendingCall<M.Result>
}

/// A call started by `QueryBackend.start`, whose answer is collected once.
public struct PendingCall<Answer> {
    public let answer: () throws -> Answer
}

extension QueryBackend {
    public func start(_ method: String, params: JSONValue) throws -> PendingCall<JSONValue> {
        PendingCall { try self.call(method, params: params) }
    }

    public func start<M: RPCMethod>(_ method: M.Type, _ params: M.Params) throws -> PendingCall<M.Result> {
        try startThroughValues(method, params)
    }

    /// A typed call made through the untyped one: params encoded to a value, the answer read
    /// from the value.
    func startThroughValues<M: RPCMethod>(_ method: M.Type, _ params: M.Params) throws -> PendingCall<M.Result> {
        let pending = try start(M.name, params: M.requestValue(params))
        return PendingCall { try M.result(from: pending.answer()) }
    }

    /// A method of the wire contract, typed both ways: the request is encoded from `M.Params`
    /// and the answer read into `M.Result` (an answer of another shape is a data error).
    public func call<M: RPCMethod>(_ method: M.Type, _ params: M.Params) throws -> Answer<M.Result> {
        let json = try call(M.name, params: M.requestValue(params))
        return Answer(result: try M.result(from: json), json: json)
    }
}

extension RPCMethod {
    /// The params as the value an untyped call sends.
    static func requestValue(_ params: Params) throws -> JSONValue {
        do {
            return try JSONValue(encoding: params)
        } catch {
            throw CLIError.unwritableRequest(self, error)
        }
    }

    /// An untyped call's answer read as the result (an answer of another shape is a data error).
    static func result(from json: JSONValue) throws -> Self.Result {
        do {
            return try json.decode(Self.Result.self)
        } catch {
            throw CLIError("the \(name) answer does not read as its result: \(error)", exitCode: .dataError)
        }
    }
}

/// A typed answer, with the object it was read from: that is what `--format json` prints, and
/// it carries the `snapshot` every answer has.
public struct Answer<Result> {
    public let result: Result
    public let json: JSONValue

    /// The content hash of the snapshot that answered.
    public var snapshot: String? { json["snapshot"]?.stringValue }
}

extension CLIError {
    /// Params that cannot be written as JSON (a non-finite number): the caller's values.
    static func unwritableRequest<M: RPCMethod>(_ method: M.Type, _ error: Error) -> CLIError {
        CLIError("cannot write the \(M.name) request: \(error)", exitCode: .usage)
    }

    /// An error answer from a method, with the field it names when there is one.
    init(_ error: RPCError) {
        var message = "\(error.message) (code \(error.code)"
        if let field = error.data?["field"]?.stringValue { message += ", field \(field)" }
        self.init(message + ")", exitCode: .dataError)
    }
}
