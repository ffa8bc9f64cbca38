/// A result type that writes its own JSON text, for the answers the daemon gives most often
/// (`nearest`, `locate`, `ping`). Through `Codable`, every member goes through existential
/// containers and boxes: a quarter of a `nearest` answer's CPU (perf, 8 clients). A writer
/// writes the same members in the same order as the type's `encode(to:)`, in the same text;
/// `JSONStreamEncoder` uses it for the top-level value, and ContractWritingTests hold the two
/// equal on random values.
public protocol JSONTextWritable: Encodable {
    func writeJSON(to out: inout JSONTextWriter) throws(EncodingError)
}

/// Compact JSON text written member by member, numbers and strings as `JSONWriter` writes them.
/// `object` and `array` open and close a container; inside an object, each `member` writes its
/// key and value with the comma before it.
///
/// The text is kept as UTF-8 bytes: appending to a `String` checks and grows its storage on
/// every piece, which was half the cost of writing an audit chunk's answer (perf, qadamd).
public struct JSONTextWriter {
    public private(set) var bytes: [UInt8]
    /// Whether the innermost open container has no member yet.
    private var atFirst = true

    public init(reservingCapacity capacity: Int = 256) {
        bytes = []
        bytes.reserveCapacity(capacity)
    }

    /// The text written so far.
    public var text: String { String(decoding: bytes, as: UTF8.self) }

    public mutating func object(_ body: (inout JSONTextWriter) throws(EncodingError) -> Void) throws(EncodingError) {
        try open("{", "}", body)
    }

    public mutating func array<S: Sequence>(_ items: S, _ write: (inout JSONTextWriter, S.Element) throws(EncodingError) -> Void) throws(EncodingError) {
        try open("[", "]") { (out: inout JSONTextWriter) throws(EncodingError) in
            for item in items {
                out.separate()
                try write(&out, item)
            }
        }
    }

    private mutating func open(_ start: Unicode.Scalar, _ end: Unicode.Scalar, _ body: (inout JSONTextWriter) throws(EncodingError) -> Void) throws(EncodingError) {
        bytes.append(UInt8(ascii: start))
        let outer = atFirst
        atFirst = true
        try body(&self)
        bytes.append(UInt8(ascii: end))
        atFirst = outer
    }

    private mutating func separate() {
        if atFirst { atFirst = false } else { bytes.append(UInt8(ascii: ",")) }
    }

    private mutating func append(_ literal: StaticString) {
        bytes.append(contentsOf: UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount))
    }

    /// The key of the next member; its value follows. Keys are the contract's own literals,
    /// none of which needs escaping, so they are copied as they are (checking each for escapes
    /// was a tenth of writing an audit row).
    public mutating func key(_ name: StaticString) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        append(name)
        bytes.append(UInt8(ascii: "\""))
        bytes.append(UInt8(ascii: ":"))
    }

    public mutating func string(_ value: String) { JSONWriter.writeString(value, to: &bytes) }
    public mutating func bool(_ value: Bool) { append(value ? "true" : "false") }
    public mutating func int(_ value: Int) { bytes.append(contentsOf: String(value).utf8) }
    public mutating func null() { append("null") }

    /// NaN and infinities are refused, naming the member, as `JSONStreamEncoder` refuses them.
    public mutating func double(_ value: Double, of name: @autoclosure () -> String) throws(EncodingError) {
        guard value.isFinite else {
            throw EncodingError.invalidValue(value, .init(codingPath: [], debugDescription: "\(value) at '\(name())' cannot be written as JSON"))
        }
        bytes.append(contentsOf: JSONWriter.numberText(value).utf8)
    }

    /// A two-number array (a coordinate), written without building one.
    public mutating func pair(_ a: Double, _ b: Double, of name: StaticString) throws(EncodingError) {
        bytes.append(UInt8(ascii: "["))
        try double(a, of: name.description)
        bytes.append(UInt8(ascii: ","))
        try double(b, of: name.description)
        bytes.append(UInt8(ascii: "]"))
    }

    public mutating func member(_ name: StaticString, _ value: String) { key(name); string(value) }
    public mutating func member(_ name: StaticString, _ value: Bool) { key(name); bool(value) }
    public mutating func member(_ name: StaticString, _ value: Int) { key(name); int(value) }
    public mutating func member(_ name: StaticString, _ value: Double) throws(EncodingError) { key(name); try double(value, of: name.description) }
    public mutating func member<T: JSONTextWritable>(_ name: StaticString, _ value: T) throws(EncodingError) {
        key(name)
        try value.writeJSON(to: &self)
    }
    public mutating func member<T: JSONTextWritable>(_ name: StaticString, _ values: [T]) throws(EncodingError) {
        key(name)
        try array(values) { (out: inout JSONTextWriter, value: T) throws(EncodingError) in try value.writeJSON(to: &out) }
    }

    // Optional members are left out when nil, as synthesised `Codable` leaves them out.
    public mutating func member(_ name: StaticString, _ value: String?) { if let value { member(name, value) } }
    public mutating func member(_ name: StaticString, _ value: Int?) { if let value { member(name, value) } }
    public mutating func member(_ name: StaticString, _ value: Bool?) { if let value { member(name, value) } }
    public mutating func member(_ name: StaticString, _ value: Double?) throws(EncodingError) { if let value { try member(name, value) } }
    public mutating func member<T: JSONTextWritable>(_ name: StaticString, _ value: T?) throws(EncodingError) {
        if let value { try member(name, value) }
    }
}
