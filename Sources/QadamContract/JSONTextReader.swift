/// A type that reads itself from JSON text: the audit's rows in the CLI, and the params of
/// `nearest` and `audit` in the daemon. `JSONText.parse` builds a dictionary per object and the
/// caller then looks each member up by name: a fifth of `qadam audit --socket`'s CPU went to
/// that tree. A reader takes each member as it comes, skips the ones it does not know (as
/// `Decodable` does), and reads the same values as the type's `init(from:)`;
/// ContractReadingTests hold the two equal on random values and on damaged text.
public protocol JSONTextReadable: Decodable {
    init(reading json: inout JSONTextReader) throws(JSONSyntaxError)
}

/// A cursor over one JSON text, read value by value through the one parser of the tree (strict
/// RFC 8259: no NaN, as on the wire). Every error, a syntax error or a value of the wrong kind,
/// names the line and column where reading stopped.
public struct JSONTextReader {
    private var parser: JSONParser
    /// Containers open around the cursor, bounded like the parser's own nesting.
    private var depth = 0

    private init(_ bytes: UnsafeBufferPointer<UInt8>) {
        parser = JSONParser(bytes, allowNonFinite: false, maximumDepth: 512)
    }

    /// Reads `bytes` as one `T` and nothing after it.
    public static func read<T: JSONTextReadable>(_ type: T.Type, from bytes: [UInt8]) throws(JSONSyntaxError) -> T {
        try read(bytes) { (reader: inout JSONTextReader) throws(JSONSyntaxError) in try T(reading: &reader) }
    }

    /// Reads `bytes` (all of them: one value and nothing after it) through `body`. Bytes that
    /// are not UTF-8 are refused first, as on the wire (`JSONText.parse`).
    public static func read<T>(_ bytes: [UInt8], _ body: (inout JSONTextReader) throws(JSONSyntaxError) -> T) throws(JSONSyntaxError) -> T {
        try bytes.withUnsafeBufferPointer { buffer in
            Result { () throws(JSONSyntaxError) -> T in
                guard String(validating: buffer, as: UTF8.self) != nil else {
                    throw JSONSyntaxError(message: "the text is not UTF-8", line: 1, column: 1)
                }
                var reader = JSONTextReader(buffer)
                reader.parser.skipSpace()
                let value = try body(&reader)
                reader.parser.skipSpace()
                guard reader.parser.i == buffer.count else { throw reader.parser.error("unexpected text after the JSON value") }
                return value
            }
        }.get()
    }

    /// An object: `member` is given each key with the cursor on its value, and must read or
    /// `skip` that value.
    public mutating func object(_ member: (String, inout JSONTextReader) throws(JSONSyntaxError) -> Void) throws(JSONSyntaxError) {
        try open("{", "}", "an object") { (reader: inout JSONTextReader) throws(JSONSyntaxError) in
            guard reader.next == UInt8(ascii: "\"") else { throw reader.parser.error("expected a quoted object key") }
            let key = try reader.parser.string()
            reader.parser.skipSpace()
            guard reader.next == UInt8(ascii: ":") else { throw reader.parser.error("expected ':' after object key") }
            reader.parser.i += 1
            reader.parser.skipSpace()
            try member(key, &reader)
        }
    }

    /// An array: `element` reads each element in turn.
    public mutating func array(_ element: (inout JSONTextReader) throws(JSONSyntaxError) -> Void) throws(JSONSyntaxError) {
        try open("[", "]", "an array", element)
    }

    /// An array whose elements are all `T`.
    public mutating func array<T: JSONTextReadable>(of type: T.Type) throws(JSONSyntaxError) -> [T] {
        var items: [T] = []
        try array { (reader: inout JSONTextReader) throws(JSONSyntaxError) in items.append(try T(reading: &reader)) }
        return items
    }

    public mutating func string() throws(JSONSyntaxError) -> String {
        guard next == UInt8(ascii: "\"") else { throw parser.error("expected a string") }
        return try parser.string()
    }

    /// A number, integral or not, as `Double` (what `Decodable` reads for a `Double`).
    public mutating func double() throws(JSONSyntaxError) -> Double {
        switch try number() {
        case .int(let i): return Double(i)
        case .double(let d): return d
        default: throw parser.error("expected a number")
        }
    }

    /// A number without fraction or exponent that fits an `Int` (what `Decodable` surely reads
    /// as one; anything else is refused).
    public mutating func int() throws(JSONSyntaxError) -> Int {
        let start = parser.i
        guard case .int(let i) = try number(), let value = Int(exactly: i) else { throw parser.error("expected an integer", at: start) }
        return value
    }

    public mutating func bool() throws(JSONSyntaxError) -> Bool {
        switch next {
        case UInt8(ascii: "t"): try parser.literal("true"); return true
        case UInt8(ascii: "f"): try parser.literal("false"); return false
        default: throw parser.error("expected true or false")
        }
    }

    private mutating func number() throws(JSONSyntaxError) -> JSONValue {
        guard let first = next, first == UInt8(ascii: "-") || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first) else {
            throw parser.error("expected a number")
        }
        return try parser.number()
    }

    /// A word of a closed set, read as its `Decodable` reads it (leniently).
    public mutating func word<T: ClosedVocabulary>(_ type: T.Type) throws(JSONSyntaxError) -> T {
        let start = parser.i
        let text = try string()
        guard let value = T(parsing: text) else { throw parser.error(T.refusal(of: text), at: start) }
        return value
    }

    /// A string-backed enum, read by its raw value.
    public mutating func word<T: RawRepresentable<String>>(_ type: T.Type) throws(JSONSyntaxError) -> T {
        let start = parser.i
        let text = try string()
        guard let value = T(rawValue: text) else { throw parser.error("unknown value '\(text)'", at: start) }
        return value
    }

    // An optional member reads as nil when it is `null`, as `Decodable`'s `decodeIfPresent` does.
    public mutating func doubleOrNull() throws(JSONSyntaxError) -> Double? { try readNull() ? nil : try double() }
    public mutating func stringOrNull() throws(JSONSyntaxError) -> String? { try readNull() ? nil : try string() }
    public mutating func intOrNull() throws(JSONSyntaxError) -> Int? { try readNull() ? nil : try int() }
    public mutating func boolOrNull() throws(JSONSyntaxError) -> Bool? { try readNull() ? nil : try bool() }
    public mutating func wordOrNull<T: ClosedVocabulary>(_ type: T.Type) throws(JSONSyntaxError) -> T? {
        try readNull() ? nil : try word(type)
    }
    public mutating func arrayOrNull<T: JSONTextReadable>(of type: T.Type) throws(JSONSyntaxError) -> [T]? {
        try readNull() ? nil : try array(of: type)
    }
    public mutating func wordOrNull<T: RawRepresentable<String>>(_ type: T.Type) throws(JSONSyntaxError) -> T? {
        try readNull() ? nil : try word(type)
    }

    /// Whether the next value is `null`; it is consumed if so.
    private mutating func readNull() throws(JSONSyntaxError) -> Bool {
        guard next == UInt8(ascii: "n") else { return false }
        try parser.literal("null")
        return true
    }

    /// Any value, as a tree (for members a reader keeps whole).
    public mutating func value() throws(JSONSyntaxError) -> JSONValue {
        try parser.value(depth: depth)
    }

    /// Reads past a value this reader does not use, building no containers for it.
    public mutating func skip() throws(JSONSyntaxError) {
        switch next {
        case UInt8(ascii: "{"): try object { (_: String, r: inout JSONTextReader) throws(JSONSyntaxError) in try r.skip() }
        case UInt8(ascii: "["): try array { (r: inout JSONTextReader) throws(JSONSyntaxError) in try r.skip() }
        default: _ = try value()
        }
    }

    /// Reads past a value and returns where it lies, to read it later with `reading(at:)`.
    public mutating func skipped() throws(JSONSyntaxError) -> Range<Int> {
        let start = parser.i
        try skip()
        return start..<parser.i
    }

    /// Reads the value that lies at `range` (from `skipped`) through `body`, from this reader's
    /// text; the cursor stays where it is.
    public func reading<T>(at range: Range<Int>, _ body: (inout JSONTextReader) throws(JSONSyntaxError) -> T) throws(JSONSyntaxError) -> T {
        var reader = self
        reader.parser.i = range.lowerBound
        return try body(&reader)
    }

    /// The error for an object that lacked a member its type requires.
    public func missing(_ name: String) -> JSONSyntaxError { refusal("missing member '\(name)'") }

    /// An error at the cursor: what was read there is not what the type takes.
    public func refusal(_ message: String) -> JSONSyntaxError { parser.error(message) }

    private var next: UInt8? { parser.i < parser.bytes.count ? parser.bytes[parser.i] : nil }

    private mutating func open(_ start: Unicode.Scalar, _ end: Unicode.Scalar, _ what: String,
                               _ item: (inout JSONTextReader) throws(JSONSyntaxError) -> Void) throws(JSONSyntaxError) {
        guard next == UInt8(ascii: start) else { throw parser.error("expected \(what)") }
        guard depth + 1 < parser.maximumDepth else { throw parser.error("nesting deeper than \(parser.maximumDepth) levels") }
        parser.i += 1
        depth += 1
        defer { depth -= 1 }
        parser.skipSpace()
        if next == UInt8(ascii: end) { parser.i += 1; return }
        while true {
            parser.skipSpace()
            try item(&self)
            parser.skipSpace()
            guard let b = next else { throw parser.error("unexpected end of input inside \(what)") }
            parser.i += 1
            if b == UInt8(ascii: ",") { continue }
            if b == UInt8(ascii: end) { return }
            parser.i -= 1
            throw parser.error("expected ',' or '\(end)' in \(what)")
        }
    }
}
