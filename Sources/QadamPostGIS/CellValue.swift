import Foundation
import PostgresNIO
import QadamData
import QadamProtocol

/// One non-geometry cell as the JSON value a file would have held: numbers as numbers, text
/// as strings, booleans as booleans, NULL as null. Other types (dates, arrays, ...) are
/// refused by name, since guessing their text would differ from what a file export says.
enum CellValue {
    /// `typeName` is the column type's SQL name, for the error when it is not one of these.
    static func json(_ cell: PostgresCell, typeName: String) throws -> JSONValue {
        guard cell.bytes != nil else { return .null }
        do {
            switch cell.dataType {
            case .bool: return .bool(try cell.decode(Bool.self))
            case .int2, .int4, .int8: return .int(try cell.decode(Int64.self))
            case .float4, .float8: return .double(try cell.decode(Double.self))
            case .numeric:
                // Through its decimal text, so 0.1 stays 0.1 rather than a binary neighbour.
                guard let d = Double(try cell.decode(Decimal.self).description) else { break }
                return .double(d)
            case .text, .varchar, .bpchar, .name, .uuid: return .string(try cell.decode(String.self))
            case .json, .jsonb: return try JSONParser.parse(try cell.decode(String.self))
            default: break
            }
        } catch let e as PostgresDecodingError {
            throw PostGISError("column '\(cell.columnName)' (\(typeName)): cannot read a value: \(e.code)")
        }
        // A geography is a geometry qadam could read once cast; anything else is a property.
        let cast = typeName == "geography" ? "geometry" : "text"
        throw PostGISError("column '\(cell.columnName)' has type \(typeName), which qadam does not read; cast it in the query (e.g. \(cell.columnName)::\(cast))")
    }
}
