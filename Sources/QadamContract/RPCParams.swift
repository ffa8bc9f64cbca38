/// A request's `params`: a value, or the text they came in on the wire. The daemon keeps the
/// text, and only the method that takes the params reads it: straight into its params type
/// when that type reads itself (`JSONTextReadable`: `nearest`'s and the audit's), otherwise
/// into a tree. Parsing every request's params into a tree on the event loop, then decoding
/// the tree on a worker, was two fifths of qadamd's CPU on an audit (perf).
public struct RPCParams: Hashable, Sendable {
    private enum Form: Hashable, Sendable {
        case value(JSONValue)
        /// The text of one JSON object or array, from a line that parsed (so it is well-formed
        /// UTF-8 JSON within the nesting limit).
        case text([UInt8])
    }
    private let form: Form

    public init(_ value: JSONValue) { form = .value(value) }

    init(text: [UInt8]) { form = .text(text) }

    /// The params as a tree (`.null` when absent).
    public func value() throws(JSONSyntaxError) -> JSONValue {
        switch form {
        case .value(let value): return value
        case .text(let text): return try JSONParser.parse(text, allowNonFinite: false, maximumDepth: .max)
        }
    }

    /// The params read straight from their text into `T`; nil when they are a value, or when
    /// the text does not read as `T` (the caller then decodes the tree, whose errors name the
    /// field). A reader is held to `T`'s `Decodable`, so what it reads is what decoding gives.
    public func read<T: JSONTextReadable>(_ type: T.Type) -> T? {
        guard case .text(let text) = form else { return nil }
        return try? JSONTextReader.read(T.self, from: text)
    }
}
