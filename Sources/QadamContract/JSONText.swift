import Foundation

/// Turns bytes into `JSONValue` and back, with the guards a server needs.
///
/// Parsing refuses nesting deeper than `maximumDepth` and bytes that are not UTF-8 before
/// building anything, and refuses the `NaN`/`Infinity` tokens data files may carry
/// (`JSONParser`, which on its own replaces bad UTF-8 so a data file's other problems still
/// show). Serialising writes keys in
/// sorted order so that equal values give equal bytes, and refuses NaN and infinities, which
/// JSON cannot express.
public enum JSONText {
    /// Deep enough for any real request (a GeoJSON multipolygon is 4-5 levels).
    public static let maximumDepth = 64

    public enum ParseError: Error, CustomStringConvertible, Equatable {
        case tooDeep(limit: Int)
        case invalid(String)

        public var description: String {
            switch self {
            case .tooDeep(let limit): return "JSON nested deeper than \(limit) levels"
            case .invalid(let why): return "invalid JSON: \(why)"
            }
        }
    }

    public static func parse(_ bytes: some Collection<UInt8>, maximumDepth: Int = maximumDepth) throws(ParseError) -> JSONValue {
        // Called across modules with the daemon's `ByteBufferView`, where this function is not
        // specialised: the checks below run on a plain buffer, not byte by byte through the
        // collection's witness table (that was half the cost of reading a request line).
        let contiguous: Result<JSONValue, ParseError>? = bytes.withContiguousStorageIfAvailable { buffer in
            Result { () throws(ParseError) in try parse(buffer, maximumDepth: maximumDepth) }
        }
        if let contiguous { return try contiguous.get() }
        return try Array(bytes).withUnsafeBufferPointer { buffer in
            Result { () throws(ParseError) in try parse(buffer, maximumDepth: maximumDepth) }
        }.get()
    }

    private static func parse(_ bytes: UnsafeBufferPointer<UInt8>, maximumDepth: Int) throws(ParseError) -> JSONValue {
        if nestingDepth(of: bytes) > maximumDepth { throw .tooDeep(limit: maximumDepth) }
        if String(validating: bytes, as: UTF8.self) == nil { throw .invalid("the line is not UTF-8") }
        do {
            return try JSONParser.parse(bytes, allowNonFinite: false, maximumDepth: maximumDepth == .max ? .max : maximumDepth + 2)
        } catch {
            throw .invalid(error.description)
        }
    }

    public static func parse(_ text: String) throws(ParseError) -> JSONValue {
        try parse(Array(text.utf8))
    }

    /// The deepest bracket nesting outside string literals; linear, no recursion.
    static func nestingDepth(of bytes: some Collection<UInt8>) -> Int {
        var depth = 0, deepest = 0
        var inString = false, escaped = false
        for byte in bytes {
            if inString {
                if escaped { escaped = false }
                else if byte == UInt8(ascii: "\\") { escaped = true }
                else if byte == UInt8(ascii: "\"") { inString = false }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""): inString = true
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                depth += 1
                deepest = max(deepest, depth)
            case UInt8(ascii: "]"), UInt8(ascii: "}"): depth -= 1
            default: break
            }
        }
        return deepest
    }

    public struct NonFiniteNumber: Error, CustomStringConvertible {
        public let path: String
        public var description: String { "cannot write non-finite number at \(path) as JSON" }
    }

    /// Compact JSON text (no newlines, so it fits the one-object-per-line framing), in the
    /// canonical form of `JSONValue.canonicalText`; a non-finite number is an error naming where
    /// it is.
    public static func serialize(_ value: JSONValue) throws(NonFiniteNumber) -> String {
        var out = ""
        guard JSONWriter.write(value, to: &out, nonFinite: .fail) else {
            throw NonFiniteNumber(path: JSONWriter.firstNonFinitePath(in: value, at: "$") ?? "$")
        }
        return out
    }

    /// Indented text for people (the CLI's `--format json`): keys sorted, numbers as
    /// `serialize` writes them; a non-finite number is an error naming where it is.
    public static func pretty(_ value: JSONValue) throws(NonFiniteNumber) -> String {
        var out = ""
        guard JSONWriter.writePretty(value, to: &out) else {
            throw NonFiniteNumber(path: JSONWriter.firstNonFinitePath(in: value, at: "$") ?? "$")
        }
        return out
    }
}
