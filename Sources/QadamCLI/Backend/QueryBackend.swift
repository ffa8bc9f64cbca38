import QadamContract

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
    /// A method of the wire contract, typed both ways: a daemon is sent `M.Params` as JSON and
    /// its answer read into `M.Result`; in process the handler is called with the values.
    func call<M: RPCMethod>(_ method: M.Type, _ params: M.Params) throws -> Answer<M.Result>
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

    /// A method of the wire contract through values: the request is encoded from `M.Params`
    /// and the answer read into `M.Result` (an answer of another shape is a data error).
    public func call<M: RPCMethod>(_ method: M.Type, _ params: M.Params) throws -> Answer<M.Result> {
        try callThroughValues(method, params)
    }

    func callThroughValues<M: RPCMethod>(_ method: M.Type, _ params: M.Params) throws -> Answer<M.Result> {
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

/// A typed answer, the snapshot that gave it, and its object as the wire has it, which is what
/// `--format json` prints: a daemon's own answer, or, in process, the result written only when
/// it is asked for.
public struct Answer<Result> {
    public let result: Result
    /// The content hash of the snapshot that answered.
    public let snapshot: String?
    private let object: () throws -> JSONValue

    /// An answer read from the object a daemon sent.
    public init(result: Result, json: JSONValue) {
        self.result = result
        snapshot = json["snapshot"]?.stringValue
        object = { json }
    }

    /// An answer made in this process; `object` writes it as a daemon would.
    public init(result: Result, snapshot: String, object: @escaping () throws -> JSONValue) {
        self.result = result
        self.snapshot = snapshot
        self.object = object
    }

    public var json: JSONValue { get throws { try object() } }
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
