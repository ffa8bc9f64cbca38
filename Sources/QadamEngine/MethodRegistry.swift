import Foundation
import QadamContract

/// Answers one query method against one snapshot. Throw `RPCError` (or an
/// `RPCErrorConvertible`) for answers the client should see; the registry maps anything else
/// to an internal error. Handlers must answer with an object; the registry adds `snapshot`.
public typealias QueryHandler = @Sendable (_ params: RPCParams, _ snapshot: Snapshot) throws -> any Encodable

/// A method's attempt to answer at once, on the caller's thread: nil when this request needs
/// real work (an index not built yet, a search), which then goes to the worker pool.
public typealias InlineAttempt = @Sendable (_ params: RPCParams, _ snapshot: Snapshot) throws -> (any Encodable)?

/// A domain error that knows which JSON-RPC error it is (e.g. "unreachable" -> -32004).
public protocol RPCErrorConvertible: Error {
    var rpcError: RPCError { get }
}

/// The query methods by name. Built once at start-up and then only read, so the daemon's
/// worker threads and the CLI's in-process mode run exactly the same code for a method.
public struct MethodRegistry: Sendable {
    private struct Method: Sendable {
        let answer: QueryHandler
        let inline: InlineAttempt?
        /// For a method of the contract: its body on typed values (`TypedBody<M>`), which a
        /// caller in this process calls with no JSON either way.
        var typed: (any Sendable)?
    }

    private struct TypedBody<M: RPCMethod>: Sendable {
        let body: @Sendable (M.Params, Snapshot) throws -> M.Result
    }
    private var handlers: [String: Method] = [:]

    public init() {}

    /// Adds a method working on raw parameters (read them with `Params.decode`) and answering with any `Encodable` (a
    /// typed result, or a `JSONValue` object). `inline` is how the daemon may answer it without
    /// a worker: `.always` for work of a few microseconds, `.attempt` for methods that are that
    /// cheap only sometimes. Registering a name twice is a programming error.
    public mutating func register(_ method: String, inline: InlinePolicy = .never, _ answer: @escaping QueryHandler) {
        precondition(handlers[method] == nil, "query method '\(method)' registered twice")
        let attempt: InlineAttempt?
        switch inline {
        case .never: attempt = nil
        case .always: attempt = { params, snapshot in try answer(params, snapshot) }
        case .attempt(let tryInline): attempt = tryInline
        }
        handlers[method] = Method(answer: answer, inline: attempt, typed: nil)
    }

    /// Adds a method whose parameters decode into `P` and whose result encodes from `R`;
    /// decoding failures become -32602 errors that name the offending field.
    public mutating func register<P: Decodable & SendableMetatype, R: Encodable & SendableMetatype>(
        _ method: String, params: P.Type, inline: InlinePolicy = .never,
        _ body: @escaping @Sendable (P, Snapshot) throws -> R
    ) {
        register(method, inline: inline) { raw, snapshot in try body(try Params.decode(P.self, from: raw), snapshot) }
    }

    /// Adds a method of the wire contract (`RPC.Nearest`, ...) under its name, with its params
    /// and result types.
    public mutating func register<M: RPCMethod>(
        _ method: M.Type, inline: InlinePolicy = .never, _ body: @escaping @Sendable (M.Params, Snapshot) throws -> M.Result
    ) {
        register(M.name, params: M.Params.self, inline: inline, body)
        handlers[M.name]?.typed = TypedBody<M>(body: body)
    }

    /// A method of the contract called with typed values on `snapshot`, for a caller in this
    /// process (`qadam --dataset`): the params are not decoded and the result not encoded, and
    /// a thrown error becomes the same `RPCError` a daemon would answer. Nil when `M` was not
    /// registered as a contract method.
    public func call<M: RPCMethod>(_ method: M.Type, _ params: M.Params, on snapshot: Snapshot) -> Result<M.Result, RPCError>? {
        guard let typed = handlers[M.name]?.typed as? TypedBody<M> else { return nil }
        do {
            return .success(try typed.body(params, snapshot))
        } catch {
            return .failure(Self.rpcError(error, method: M.name))
        }
    }

    /// When the daemon may answer a method on the thread that read the request.
    public enum InlinePolicy: Sendable {
        /// Always on a worker (searches, audits, anything that can take milliseconds).
        case never
        /// Always inline (a few microseconds whatever the request).
        case always
        /// Inline when this attempt answers; on a worker when it returns nil.
        case attempt(InlineAttempt)

        /// `.attempt` for a method of the contract, on its decoded params.
        public static func attempt<M: RPCMethod>(
            _ method: M.Type, _ body: @escaping @Sendable (M.Params, Snapshot) throws -> M.Result?
        ) -> InlinePolicy {
            .attempt { raw, snapshot in try body(Params.decode(M.Params.self, from: raw), snapshot) }
        }
    }

    public var methods: [String] { handlers.keys.sorted() }

    public func contains(_ method: String) -> Bool { handlers[method] != nil }

    /// Runs `method` on `snapshot`, as JSON text: the result object with a `snapshot` member
    /// holding the content hash, so every answer says which data produced it.
    public func callEncoded(_ method: String, params: RPCParams, on snapshot: Snapshot) -> Result<EncodedJSON, RPCError> {
        guard let handler = handlers[method] else {
            return .failure(.methodNotFound(method, known: methods))
        }
        return Self.answer(method, snapshot: snapshot.contentHash) { try handler.answer(params, snapshot) }
    }

    /// The answer to `method` if it can be given at once on this thread (see `InlinePolicy`);
    /// nil when it needs a worker, or is not a registered method.
    public func callInline(_ method: String, params: RPCParams, on snapshot: Snapshot) -> Result<EncodedJSON, RPCError>? {
        guard let attempt = handlers[method]?.inline else { return nil }
        return Self.answering(method, snapshot: snapshot.contentHash) { try attempt(params, snapshot) }
    }

    /// `callEncoded`, read back as a value: for the CLI's in-process mode.
    public func call(_ method: String, params: JSONValue, on snapshot: Snapshot) -> Result<JSONValue, RPCError> {
        callEncoded(method, params: RPCParams(params), on: snapshot).flatMap { Self.readBack($0, method: method) }
    }

    /// `answer`, read back as a value: the object a daemon would send, for the CLI's
    /// `--format json` of a typed answer made in process.
    public static func answerValue(_ method: String, snapshot: String, _ body: () throws -> any Encodable) -> Result<JSONValue, RPCError> {
        answer(method, snapshot: snapshot, body).flatMap { readBack($0, method: method) }
    }

    private static func readBack(_ encoded: EncodedJSON, method: String) -> Result<JSONValue, RPCError> {
        do {
            return .success(try JSONText.parse(encoded.bytes, maximumDepth: .max))
        } catch {
            return .failure(.internalError("method '\(method)' wrote a result that does not read back: \(error)"))
        }
    }

    /// `body`'s result as an answer of `method`: the object written once, with the `snapshot`
    /// member (`snapshot` is the content hash) added; what it throws as the error answer. The
    /// daemon answers its own methods (`info`, `stats`, `reload`) through this too.
    public static func answer(_ method: String, snapshot: String, _ body: () throws -> any Encodable) -> Result<EncodedJSON, RPCError> {
        answering(method, snapshot: snapshot, body)!
    }

    /// `answer`, or nil when `body` gives no result (an inline attempt that needs a worker).
    private static func answering(_ method: String, snapshot: String,
                                  _ body: () throws -> (any Encodable)?) -> Result<EncodedJSON, RPCError>? {
        do {
            guard let result = try body() else { return nil }
            if let value = result as? JSONValue {
                guard case .object(var members) = value else {
                    return .failure(.internalError("method '\(method)' returned a result that is not an object"))
                }
                guard members["snapshot"] == nil else { return .failure(.ownSnapshot(method)) }
                members["snapshot"] = .string(snapshot)
                return .success(try EncodedJSON(.object(members)))
            }
            var bytes: [UInt8]
            if let writable = result as? any JSONTextWritable {
                // The hot results write their own text: straight to bytes, with no String. Their
                // few hand-written writers are held to their Codable forms in the tests, which
                // have no `snapshot`; a scan here would cost every `nearest` about 3% of its CPU.
                var writer = JSONTextWriter()
                try writable.writeJSON(to: &writer)
                bytes = writer.bytes
            } else {
                bytes = Array(try JSONStreamEncoder.encode(result).utf8)
                // The registry owns `snapshot`; a result with its own would give the answer the
                // member twice, which JSON readers settle differently.
                guard !JSONText.hasTopLevelMember("snapshot", in: bytes) else { return .failure(.ownSnapshot(method)) }
            }
            guard bytes.first == UInt8(ascii: "{") else {
                return .failure(.internalError("method '\(method)' returned a result that is not an object"))
            }
            bytes.removeLast()
            if bytes.count > 1 { bytes.append(UInt8(ascii: ",")) }
            bytes.append(contentsOf: #""snapshot":"#.utf8)
            bytes.append(contentsOf: JSONText.quoted(snapshot).utf8)
            bytes.append(UInt8(ascii: "}"))
            return .success(EncodedJSON(bytes: bytes))
        } catch {
            return .failure(rpcError(error, method: method))
        }
    }

    /// The error answer for what a method (or the writing of its result) threw.
    private static func rpcError(_ error: any Error, method: String) -> RPCError {
        switch error {
        case let error as RPCError: return error
        case let error as RPCErrorConvertible: return error.rpcError
        case let error as EncodingError: return .internalError("result cannot be written as JSON: \(error)")
        case let error as JSONText.NonFiniteNumber: return .internalError("result cannot be written as JSON: \(error)")
        default: return .internalError("\(method): \(error)")
        }
    }
}

private extension RPCError {
    /// A result that brings the member the registry adds (a programming error).
    static func ownSnapshot(_ method: String) -> RPCError {
        .internalError("method '\(method)' returned a result with its own 'snapshot' member, which the registry adds")
    }
}
