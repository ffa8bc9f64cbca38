import Foundation
import QadamProtocol

/// Answers one query method against one snapshot. Throw `RPCError` (or an
/// `RPCErrorConvertible`) for answers the client should see; the registry maps anything else
/// to an internal error. Handlers must return an object; the registry adds `snapshot`.
public typealias QueryHandler = @Sendable (_ params: JSONValue, _ snapshot: Snapshot) throws -> JSONValue

/// A domain error that knows which JSON-RPC error it is (e.g. "unreachable" -> -32004).
public protocol RPCErrorConvertible: Error {
    var rpcError: RPCError { get }
}

/// The query methods by name. Built once at start-up and then only read, so the daemon's
/// worker threads and the CLI's in-process mode run exactly the same code for a method.
public struct MethodRegistry: Sendable {
    private var handlers: [String: QueryHandler] = [:]

    public init() {}

    /// Adds a method working on raw JSON parameters. Registering a name twice is a
    /// programming error.
    public mutating func register(_ method: String, _ handler: @escaping QueryHandler) {
        precondition(handlers[method] == nil, "query method '\(method)' registered twice")
        handlers[method] = handler
    }

    /// Adds a method whose parameters decode into `P` and whose result encodes from `R`;
    /// decoding failures become -32602 errors that name the offending field.
    public mutating func register<P: Decodable & SendableMetatype, R: Encodable & SendableMetatype>(
        _ method: String, params: P.Type,
        _ body: @escaping @Sendable (P, Snapshot) throws -> R
    ) {
        register(method) { raw, snapshot in
            let decoded = try Params.decode(P.self, from: raw)
            return try Params.encodeResult(try body(decoded, snapshot))
        }
    }

    public var methods: [String] { handlers.keys.sorted() }

    public func contains(_ method: String) -> Bool { handlers[method] != nil }

    /// Runs `method` on `snapshot`. The result object gains a `snapshot` member with the
    /// content hash, so every answer says which data produced it.
    public func call(_ method: String, params: JSONValue, on snapshot: Snapshot) -> Result<JSONValue, RPCError> {
        guard let handler = handlers[method] else {
            return .failure(.methodNotFound(method, known: methods))
        }
        do {
            guard case .object(var members) = try handler(params, snapshot) else {
                return .failure(.internalError("method '\(method)' returned a result that is not an object"))
            }
            members["snapshot"] = .string(snapshot.contentHash)
            return .success(.object(members))
        } catch let error as RPCError {
            return .failure(error)
        } catch let error as RPCErrorConvertible {
            return .failure(error.rpcError)
        } catch {
            return .failure(.internalError("\(method): \(error)"))
        }
    }
}
