import Foundation
import QadamGeo
import QadamContract

/// Typed access to a request's `params`, turning every decoding failure into a -32602 error
/// whose message names the field (`points[3]`, `profile`), so a client can fix its request.
public enum Params {
    /// A request's parameters as `T`: read straight from their text when `T` reads itself and
    /// the text reads (`nearest`, `audit`), otherwise decoded from the tree as below, whose
    /// errors name the field.
    public static func decode<T: Decodable>(_ type: T.Type, from params: RPCParams) throws(RPCError) -> T {
        if let readable = T.self as? any JSONTextReadable.Type, let read = params.read(readable) {
            // `read` is a `T`: it was read as `T.self`.
            return read as! T
        }
        let tree: JSONValue
        do { tree = try params.value() } catch {
            throw RPCError.invalidParams(field: "params", error.description)
        }
        return try decode(type, from: tree)
    }

    /// Decodes named parameters into `T`. Absent params count as `{}`, so a method whose
    /// parameters are all optional accepts a bare request.
    public static func decode<T: Decodable>(_ type: T.Type, from params: JSONValue) throws(RPCError) -> T {
        let object: JSONValue
        switch params {
        case .null: object = .object([:])
        case .object: object = params
        default: throw RPCError.invalidParams(field: "params", "must be an object of named parameters, got \(params.typeName)")
        }
        do {
            return try JSONValueDecoder.decode(T.self, from: object)
        } catch let error as DecodingError {
            throw describe(error)
        } catch {
            throw RPCError.invalidParams(field: "params", String(describing: error))
        }
    }

    /// A `limit` parameter (how many rows of a list to return): at least 0, else -32602; absent
    /// means `defaultValue` (nil: all rows).
    public static func rowLimit(_ value: Int?, default defaultValue: Int?) throws(RPCError) -> Int {
        if let value, value < 0 { throw RPCError.invalidParams(field: "limit", "must be >= 0, got \(value)") }
        return value ?? defaultValue ?? Int.max
    }

    /// Checks that a coordinate is finite and inside WGS 84 bounds.
    public static func validate(_ coordinate: Coordinate, field: String) throws(RPCError) {
        guard coordinate.isValidWGS84 else {
            throw RPCError.invalidParams(field: field,
                "must be [lon, lat] with lon in -180...180 and lat in -90...90, got [\(coordinate.lon), \(coordinate.lat)]")
        }
    }

    static func describe(_ error: DecodingError) -> RPCError {
        switch error {
        case .keyNotFound(let key, let context):
            return .invalidParams(field: path(context.codingPath + [key]), "is required")
        case .typeMismatch(let type, let context):
            return .invalidParams(field: path(context.codingPath), "must be \(expected(type))")
        case .valueNotFound(let type, let context):
            return .invalidParams(field: path(context.codingPath), "must be \(expected(type)), not null")
        case .dataCorrupted(let context):
            return .invalidParams(field: path(context.codingPath), context.debugDescription)
        @unknown default:
            return .invalidParams(field: "params", String(describing: error))
        }
    }

    /// `a.b[2].c` from a coding path; `params` for the top level.
    static func path(_ codingPath: [CodingKey]) -> String {
        var out = ""
        for key in codingPath {
            if let index = key.intValue, key.stringValue.hasPrefix("Index") || key.stringValue == String(index) {
                out += "[\(index)]"
            } else {
                out += out.isEmpty ? key.stringValue : "." + key.stringValue
            }
        }
        return out.isEmpty ? "params" : out
    }

    private static func expected(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: return "a string"
        case is Bool.Type: return "a boolean"
        case is Int.Type, is Int64.Type, is Int32.Type, is UInt.Type: return "an integer"
        case is Double.Type, is Float.Type: return "a number"
        case is Coordinate.Type: return "a [lon, lat] pair"
        default:
            let name = String(describing: type)
            if name.hasPrefix("Array") { return "an array" }
            if name.hasPrefix("Dictionary") { return "an object" }
            return "a \(name)"
        }
    }
}
