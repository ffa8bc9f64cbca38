import QadamProtocol

/// Where a command's questions are answered: a dataset loaded in this process, or a running
/// qadamd. Both run the same `MethodRegistry` on the same snapshot type, so a command prints
/// the same answer either way.
///
/// `call` returns the method's result object, or throws a `CLIError` carrying the exit code:
/// 2 for an error answer (RPC error or unloadable dataset), 3 when the daemon cannot be reached.
public protocol QueryBackend {
    func call(_ method: String, params: JSONValue) throws -> JSONValue
}

extension QueryBackend {
    public func call(_ method: String) throws -> JSONValue {
        try call(method, params: .null)
    }
}

extension CLIError {
    /// An error answer from a method, with the field it names when there is one.
    init(_ error: RPCError) {
        var message = "\(error.message) (code \(error.code)"
        if let field = error.data?["field"]?.stringValue { message += ", field \(field)" }
        self.init(message + ")", exitCode: .dataError)
    }
}
