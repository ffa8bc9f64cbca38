/// One JSON value already written as compact text: a method's result on its way to the wire,
/// written once and never parsed back by the daemon.
/// Kept as UTF-8 bytes, the form the socket writes.
public struct EncodedJSON: Sendable, Hashable {
    public let bytes: [UInt8]

    /// `bytes` must be one complete JSON value without newlines, in UTF-8 (as `JSONTextWriter`,
    /// `JSONStreamEncoder` and `JSONText.serialize` write them).
    public init(bytes: [UInt8]) { self.bytes = bytes }

    public init(text: String) { self.bytes = Array(text.utf8) }

    public init(_ value: JSONValue) throws(JSONText.NonFiniteNumber) {
        self.init(text: try JSONText.serialize(value))
    }
}

extension JSONText {
    /// `s` as a JSON string literal, quotes included.
    public static func quoted(_ s: String) -> String {
        var out = ""
        JSONWriter.writeString(s, to: &out)
        return out
    }
}
