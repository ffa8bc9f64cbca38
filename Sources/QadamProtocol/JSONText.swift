import Foundation

/// Turns bytes into `JSONValue` and back, with the guards a server needs.
///
/// Parsing refuses nesting deeper than `maximumDepth` *before* handing the text to
/// `JSONDecoder`, whose recursive descent would otherwise let one hostile line use up the
/// stack. Serialising writes keys in sorted order so that equal values give equal bytes, and
/// refuses NaN and infinities, which JSON cannot express.
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
        let data = Data(bytes)
        let depth = nestingDepth(of: data)
        if depth > maximumDepth { throw .tooDeep(limit: maximumDepth) }
        do {
            return try JSONDecoder().decode(JSONValue.self, from: data)
        } catch let DecodingError.dataCorrupted(context) {
            throw .invalid(innermostReason(context))
        } catch {
            throw .invalid(String(describing: error))
        }
    }

    public static func parse(_ text: String) throws(ParseError) -> JSONValue {
        try parse(Array(text.utf8))
    }

    /// The deepest bracket nesting outside string literals; linear, no recursion.
    static func nestingDepth(of data: Data) -> Int {
        var depth = 0, deepest = 0
        var inString = false, escaped = false
        for byte in data {
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

    private static func innermostReason(_ context: DecodingError.Context) -> String {
        var reason = context.debugDescription
        var underlying = context.underlyingError
        while let error = underlying {
            let nsError = error as NSError
            if let detail = nsError.userInfo[NSDebugDescriptionErrorKey] as? String { reason = detail }
            underlying = nsError.userInfo[NSUnderlyingErrorKey] as? Error
        }
        return reason
    }

    public struct NonFiniteNumber: Error, CustomStringConvertible {
        public let path: String
        public var description: String { "cannot write non-finite number at \(path) as JSON" }
    }

    /// Compact JSON text (no newlines, so it fits the one-object-per-line framing).
    public static func serialize(_ value: JSONValue) throws(NonFiniteNumber) -> String {
        var out = ""
        try write(value, to: &out, path: "$")
        return out
    }

    private static func write(_ value: JSONValue, to out: inout String, path: String) throws(NonFiniteNumber) {
        switch value {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .int(let i): out += String(i)
        case .double(let d):
            guard d.isFinite else { throw NonFiniteNumber(path: path) }
            if d == d.rounded(), abs(d) < 1e15 { out += String(Int64(d)) } else { out += "\(d)" }
        case .string(let s): writeString(s, to: &out)
        case .array(let items):
            out += "["
            for (i, item) in items.enumerated() {
                if i > 0 { out += "," }
                try write(item, to: &out, path: "\(path)[\(i)]")
            }
            out += "]"
        case .object(let members):
            out += "{"
            for (i, key) in members.keys.sorted().enumerated() {
                if i > 0 { out += "," }
                writeString(key, to: &out)
                out += ":"
                try write(members[key]!, to: &out, path: "\(path).\(key)")
            }
            out += "}"
        }
    }

    private static func writeString(_ s: String, to out: inout String) {
        out += "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
    }
}
