import QadamContract
import QadamClient

/// Asks the qadamd listening on a Unix socket (`--socket` or `QADAM_SOCKET`).
public final class SocketBackend: QueryBackend {
    public let socketPath: String
    private let client: RPCClient

    /// Connects at once, so an absent daemon is reported before any work (exit 3, naming the
    /// socket path).
    public init(socketPath: String) throws {
        self.socketPath = socketPath
        do {
            client = try RPCClient(path: socketPath)
        } catch {
            throw Self.transportFailure(error)
        }
    }

    public func call(_ method: String, params: JSONValue) throws -> JSONValue {
        try start(method, params: params).answer()
    }

    /// Sends the request now; the daemon answers it while this process goes on.
    public func start(_ method: String, params: JSONValue) throws -> PendingCall<JSONValue> {
        let id: JSONValue
        do { id = try client.start(method, params: params) } catch { throw Self.transportFailure(error) }
        return PendingCall { [client] in
            let response: RPCResponse
            do { response = try client.response(to: id) } catch { throw Self.transportFailure(error) }
            switch response.outcome {
            case .success(let result): return result
            case .failure(let error): throw CLIError(error)
            }
        }
    }

    /// A method whose params write their own text and whose result reads itself (the audit's
    /// origins) goes over the wire without a `JSONValue` tree either way; others through values.
    public func start<M: RPCMethod>(_ method: M.Type, _ params: M.Params) throws -> PendingCall<M.Result> {
        guard let writable = params as? any JSONTextWritable, let readable = M.Result.self as? any JSONTextReadable.Type else {
            return try startThroughValues(method, params)
        }
        let id: JSONValue
        do { id = try client.start(M.name, writing: writable) } catch let error as EncodingError {
            throw CLIError.unwritableRequest(method, error)
        } catch {
            throw Self.transportFailure(error)
        }
        return PendingCall { [client] in
            func read<R: JSONTextReadable>(_ type: R.Type) throws -> M.Result {
                let answer: Result<R, RPCError>
                do { answer = try client.response(to: id, reading: type) } catch { throw Self.transportFailure(error) }
                switch answer {
                // `R` is `M.Result` (it was found as `readable`), so the cast holds.
                case .success(let result): return result as! M.Result
                case .failure(let error): throw CLIError(error)
                }
            }
            return try read(readable)
        }
    }

    /// A socket path too long for an address is the user's typo (exit 1); an answer this client
    /// cannot read as its result is a data error (exit 2); anything else that breaks the
    /// conversation means the daemon is not there to answer (exit 3).
    private static func transportFailure(_ error: Error) -> CLIError {
        if case RPCClient.ClientError.pathTooLong = error {
            return CLIError(String(describing: error), exitCode: .usage)
        }
        // The daemon answered, in a shape this client does not read: a data error, as on the
        // untyped path (`RPCMethod.result(from:)`).
        if case RPCClient.ClientError.unreadableResult = error {
            return CLIError(String(describing: error), exitCode: .dataError)
        }
        return CLIError(String(describing: error), exitCode: .daemonUnreachable)
    }
}
