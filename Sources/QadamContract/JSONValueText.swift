import Foundation

/// `JSONValue` as text and as a bridge to `Codable` types: for stored dataset records (whose
/// canonical text is hashed) and for data-file properties shown as table cells.
extension JSONValue: CustomStringConvertible {
    /// Compact JSON with object keys sorted and numbers in shortest round-trip form, so equal
    /// values always give equal text (the basis of the dataset content hash). Non-finite
    /// numbers, which JSON cannot hold, are written as `null`; integers of 2^53 and beyond as
    /// the double they round to, as the hash has always seen them.
    public var canonicalText: String {
        var out = ""
        _ = JSONWriter.write(self, to: &out, nonFinite: .null, largeIntegers: .asDouble)
        return out
    }

    public var description: String { canonicalText }

    /// The value as a property cell: strings as they are, numbers without a needless `.0`,
    /// booleans as `true`/`false`; nil for null, arrays and objects.
    public var scalarText: String? {
        switch self {
        case .string(let s): return s
        case .int(let i): return String(i)
        case .double(let d): return JSONWriter.numberText(d)
        case .bool(let b): return b ? "true" : "false"
        default: return nil
        }
    }

    /// Encodes any `Encodable` value into the JSON model (`JSONStreamEncoder`, read back).
    public init<T: Encodable>(encoding value: T, userInfo: [CodingUserInfoKey: any Sendable] = [:]) throws {
        self = try JSONParser.parse(JSONStreamEncoder.encode(value, userInfo: userInfo), allowNonFinite: false)
    }

    /// Decodes a `Decodable` value from this JSON value (`JSONValueDecoder`).
    public func decode<T: Decodable>(_ type: T.Type) throws -> T {
        try JSONValueDecoder.decode(type, from: self)
    }
}
