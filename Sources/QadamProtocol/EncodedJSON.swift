/// One JSON value already written as compact text: a method's result on its way to the wire,
/// written once and never parsed back by the daemon.
public struct EncodedJSON: Sendable, Hashable {
    public let text: String

    /// `text` must be one complete JSON value without newlines (as `JSONStreamEncoder` and
    /// `JSONText.serialize` write them).
    public init(text: String) { self.text = text }

    public init(_ value: JSONValue) throws(JSONText.NonFiniteNumber) {
        text = try JSONText.serialize(value)
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
