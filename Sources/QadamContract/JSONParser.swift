import Foundation

/// A JSON syntax error with the line and column (1-based, columns in bytes) where parsing stopped.
public struct JSONSyntaxError: Error, CustomStringConvertible, Equatable, Sendable {
    public let message: String
    public let line: Int
    public let column: Int
    public var description: String { "line \(line), column \(column): \(message)" }
}

/// The one JSON parser of the tree: request lines on the wire (`JSONText.parse`) and data files
/// (GeoJSON, Overpass, mappings, stored records) both come through it. Strict RFC 8259, one
/// byte pass, no recursion through `Decoder`; syntax errors carry line and column.
///
/// One tolerance, for data files only (`allowNonFinite`, the default): the bare tokens `NaN`,
/// `Infinity` and `-Infinity`, which some GIS exporters write, are read as non-finite numbers.
/// Foundation's parser rejects such a file with no location, so one bad coordinate would hide
/// every other problem; reading them lets the validator name the feature that holds them.
///
/// Numbers without a fraction or exponent that fit in 64 bits become `.int`, the rest `.double`,
/// so request ids and counts round-trip exactly.
public struct JSONParser {
    let bytes: UnsafeBufferPointer<UInt8>
    private let allowNonFinite: Bool
    let maximumDepth: Int
    var i = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>, allowNonFinite: Bool, maximumDepth: Int) {
        self.bytes = bytes
        self.allowNonFinite = allowNonFinite
        self.maximumDepth = maximumDepth
    }

    public static func parse(_ data: some Collection<UInt8>, allowNonFinite: Bool = true,
                             maximumDepth: Int = 512) throws(JSONSyntaxError) -> JSONValue {
        let parsed: Result<JSONValue, JSONSyntaxError>? = data.withContiguousStorageIfAvailable { buffer in
            parse(buffer, allowNonFinite: allowNonFinite, maximumDepth: maximumDepth)
        }
        if let parsed { return try parsed.get() }
        return try Array(data).withUnsafeBufferPointer { parse($0, allowNonFinite: allowNonFinite, maximumDepth: maximumDepth) }.get()
    }

    public static func parse(_ data: Data, allowNonFinite: Bool = true, maximumDepth: Int = 512) throws(JSONSyntaxError) -> JSONValue {
        try data.withUnsafeBytes { raw in
            parse(raw.bindMemory(to: UInt8.self), allowNonFinite: allowNonFinite, maximumDepth: maximumDepth)
        }.get()
    }

    public static func parse(_ text: String, allowNonFinite: Bool = true) throws(JSONSyntaxError) -> JSONValue {
        try parse(Data(text.utf8), allowNonFinite: allowNonFinite)
    }

    private static func parse(_ bytes: UnsafeBufferPointer<UInt8>, allowNonFinite: Bool,
                              maximumDepth: Int) -> Result<JSONValue, JSONSyntaxError> {
        Result { () throws(JSONSyntaxError) -> JSONValue in
            var p = JSONParser(bytes, allowNonFinite: allowNonFinite, maximumDepth: maximumDepth)
            p.skipByteOrderMark()
            p.skipSpace()
            let value = try p.value(depth: 0)
            p.skipSpace()
            if p.i < p.bytes.count { throw p.error("unexpected text after the JSON value") }
            return value
        }
    }

    private mutating func skipByteOrderMark() {
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { i = 3 }
    }

    mutating func skipSpace() {
        while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x0A || bytes[i] == 0x0D || bytes[i] == 0x09 {
            i += 1
        }
    }

    /// Line and column of byte offset `at`, counted only when an error is reported.
    func error(_ message: String, at: Int? = nil) -> JSONSyntaxError {
        let end = min(at ?? i, bytes.count)
        var line = 1, column = 1
        for k in 0..<end {
            if bytes[k] == 0x0A { line += 1; column = 1 } else { column += 1 }
        }
        return JSONSyntaxError(message: message, line: line, column: column)
    }

    mutating func value(depth: Int) throws(JSONSyntaxError) -> JSONValue {
        guard depth < maximumDepth else { throw error("nesting deeper than \(maximumDepth) levels") }
        guard i < bytes.count else { throw error("unexpected end of input, expected a value") }
        switch bytes[i] {
        case UInt8(ascii: "{"): return try object(depth: depth)
        case UInt8(ascii: "["): return try array(depth: depth)
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"): try literal("true"); return .bool(true)
        case UInt8(ascii: "f"): try literal("false"); return .bool(false)
        case UInt8(ascii: "n"): try literal("null"); return .null
        case UInt8(ascii: "N") where allowNonFinite: try literal("NaN"); return .double(.nan)
        case UInt8(ascii: "I") where allowNonFinite: try literal("Infinity"); return .double(.infinity)
        case UInt8(ascii: "-") where allowNonFinite && i + 1 < bytes.count && bytes[i + 1] == UInt8(ascii: "I"):
            i += 1
            try literal("Infinity")
            return .double(-.infinity)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try number()
        default: throw error("unexpected character '\(Character(UnicodeScalar(bytes[i])))', expected a value")
        }
    }

    mutating func literal(_ word: StaticString) throws(JSONSyntaxError) {
        let start = i
        let w = UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
        for b in w {
            guard i < bytes.count, bytes[i] == b else { throw error("invalid literal, expected '\(word)'", at: start) }
            i += 1
        }
    }

    private mutating func object(depth: Int) throws(JSONSyntaxError) -> JSONValue {
        i += 1
        var result: [String: JSONValue] = [:]
        skipSpace()
        if i < bytes.count, bytes[i] == UInt8(ascii: "}") { i += 1; return .object(result) }
        while true {
            skipSpace()
            guard i < bytes.count, bytes[i] == UInt8(ascii: "\"") else { throw error("expected a quoted object key") }
            let key = try string()
            skipSpace()
            guard i < bytes.count, bytes[i] == UInt8(ascii: ":") else { throw error("expected ':' after object key") }
            i += 1
            skipSpace()
            result[key] = try value(depth: depth + 1)
            skipSpace()
            guard i < bytes.count else { throw error("unexpected end of input inside an object") }
            if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
            if bytes[i] == UInt8(ascii: "}") { i += 1; return .object(result) }
            throw error("expected ',' or '}' in an object")
        }
    }

    private mutating func array(depth: Int) throws(JSONSyntaxError) -> JSONValue {
        i += 1
        var result: [JSONValue] = []
        skipSpace()
        if i < bytes.count, bytes[i] == UInt8(ascii: "]") { i += 1; return .array(result) }
        while true {
            skipSpace()
            result.append(try value(depth: depth + 1))
            skipSpace()
            guard i < bytes.count else { throw error("unexpected end of input inside an array") }
            if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
            if bytes[i] == UInt8(ascii: "]") { i += 1; return .array(result) }
            throw error("expected ',' or ']' in an array")
        }
    }

    mutating func string() throws(JSONSyntaxError) -> String {
        let start = i
        i += 1
        // Most strings (keys, ids, names) hold no escape: find the closing quote and copy the
        // bytes into the String once. Anything else continues below from where the scan stopped.
        var end = i
        while end < bytes.count, bytes[end] != UInt8(ascii: "\""), bytes[end] != UInt8(ascii: "\\"), bytes[end] >= 0x20 { end += 1 }
        if end < bytes.count, bytes[end] == UInt8(ascii: "\"") {
            defer { i = end + 1 }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[i..<end]), as: UTF8.self)
        }
        var out = [UInt8](UnsafeBufferPointer(rebasing: bytes[i..<end]))
        i = end
        while true {
            guard i < bytes.count else { throw error("unterminated string", at: start) }
            let b = bytes[i]
            if b == UInt8(ascii: "\"") { i += 1; break }
            if b < 0x20 { throw error("control character in a string") }
            if b != UInt8(ascii: "\\") { out.append(b); i += 1; continue }
            i += 1
            guard i < bytes.count else { throw error("unterminated escape") }
            let e = bytes[i]
            i += 1
            switch e {
            case UInt8(ascii: "\""): out.append(0x22)
            case UInt8(ascii: "\\"): out.append(0x5C)
            case UInt8(ascii: "/"): out.append(0x2F)
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "u"):
                var scalar = try hex4()
                if (0xD800..<0xDC00).contains(scalar), i + 1 < bytes.count,
                   bytes[i] == UInt8(ascii: "\\"), bytes[i + 1] == UInt8(ascii: "u") {
                    // A pair only when the next escape is a low surrogate; otherwise the lone
                    // high half becomes U+FFFD and the next escape is read on its own.
                    let resume = i
                    i += 2
                    let low = try hex4()
                    if (0xDC00...0xDFFF).contains(low) {
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    } else {
                        i = resume
                    }
                }
                let s = UnicodeScalar(scalar) ?? "\u{FFFD}"
                out.append(contentsOf: Array(String(Character(s)).utf8))
            default: throw error("invalid escape '\\\(Character(UnicodeScalar(e)))'", at: i - 2)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private mutating func hex4() throws(JSONSyntaxError) -> UInt32 {
        guard i + 4 <= bytes.count else { throw error("truncated \\u escape") }
        var v: UInt32 = 0
        for _ in 0..<4 {
            let b = bytes[i]
            let d: UInt32
            switch b {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): d = UInt32(b - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): d = UInt32(b - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): d = UInt32(b - UInt8(ascii: "A") + 10)
            default: throw error("invalid hex digit in \\u escape")
            }
            v = v * 16 + d
            i += 1
        }
        return v
    }

    mutating func number() throws(JSONSyntaxError) -> JSONValue {
        let start = i
        func digits() -> Int {
            let s = i
            while i < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[i]) { i += 1 }
            return i - s
        }
        if bytes[i] == UInt8(ascii: "-") { i += 1 }
        let intStart = i
        let intDigits = digits()
        guard intDigits > 0 else { throw error("invalid number", at: start) }
        guard intDigits == 1 || bytes[intStart] != UInt8(ascii: "0") else {
            throw error("invalid number: leading zero", at: start)
        }
        var integral = true
        if i < bytes.count, bytes[i] == UInt8(ascii: ".") {
            integral = false
            i += 1
            guard digits() > 0 else { throw error("invalid number: digits expected after '.'", at: start) }
        }
        var exponent = false
        if i < bytes.count, bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") {
            integral = false
            exponent = true
            i += 1
            if i < bytes.count, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") { i += 1 }
            guard digits() > 0 else { throw error("invalid number: digits expected in exponent", at: start) }
        }
        if integral, intDigits <= 18 {
            // Ids and counts: up to 18 digits cannot overflow, so no text is made.
            var magnitude: Int64 = 0
            for k in intStart..<i { magnitude = magnitude * 10 + Int64(bytes[k] &- UInt8(ascii: "0")) }
            return .int(intStart == start ? magnitude : -magnitude)
        }
        if !integral, !exponent, let exact = Self.shortDecimal(bytes[intStart..<i], negative: intStart != start) {
            return .double(exact)
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self)
        if integral, let exact = Int64(text) { return .int(exact) }
        // `Double("1e400")` is +infinity, not nil: out of range is as non-finite as `Infinity`.
        guard let d = Double(text), d.isFinite || allowNonFinite else {
            throw error("number '\(text)' is out of range", at: start)
        }
        return .double(d)
    }

    /// Exact powers of ten: every one up to 10^22 is a double.
    private static let exactPowersOfTen: [Double] = (0...22).map { k in (0..<k).reduce(1.0) { value, _ in value * 10 } }

    /// A decimal with a point, no exponent and at most 15 digits (coordinates, distances), so
    /// less than 2^53 as an integer, read as digits / 10^k: both are exact doubles, so the one division is
    /// correctly rounded, the same double `strtod` gives (Clinger's fast path), with no text
    /// made. Nil for any other number, which the full reading takes.
    private static func shortDecimal(_ digits: Slice<UnsafeBufferPointer<UInt8>>, negative: Bool) -> Double? {
        guard digits.count <= 16 else { return nil } // 15 digits and the point
        var mantissa: Int64 = 0, fractionDigits = 0, seenPoint = false // the caller saw a point
        for byte in digits {
            if byte == UInt8(ascii: ".") {
                seenPoint = true
            } else {
                mantissa = mantissa * 10 + Int64(byte &- UInt8(ascii: "0"))
                if seenPoint { fractionDigits += 1 }
            }
        }
        let value = Double(mantissa) / exactPowersOfTen[fractionDigits]
        return negative ? -value : value
    }
}
