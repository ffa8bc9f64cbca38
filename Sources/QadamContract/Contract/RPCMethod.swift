/// One method of the wire contract: the name a request carries, and the types its `params`
/// decode into and its `result` encodes from. The daemon registers a handler per method with
/// these types; a Swift client (the CLI, or any other) builds its requests and reads its answers
/// through the same ones, so the two cannot drift apart.
public protocol RPCMethod: Sendable {
    associatedtype Params: Codable & Sendable
    associatedtype Result: Codable & Sendable
    /// The JSON-RPC method name.
    static var name: String { get }
}

/// The methods of the contract, one type each (`RPC.Nearest`, `RPC.Locate`, ...), with the
/// parts several share (`TravelParams`, `Unreachable`, ...) beside them. docs/protocol.md
/// describes each on the wire.
public enum RPC {}

/// Params of a method that takes none: encodes as `{}` and accepts any object.
public struct NoParams: Codable, Sendable, Equatable {
    public init() {}
    public init(from decoder: Decoder) throws { _ = try decoder.container(keyedBy: NoKeys.self) }
    public func encode(to encoder: Encoder) throws { _ = encoder.container(keyedBy: NoKeys.self) }
    private enum NoKeys: CodingKey {}
}
