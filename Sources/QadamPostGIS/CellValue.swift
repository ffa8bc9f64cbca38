import QadamContract

/// One non-geometry cell, from PostgreSQL's text form, as the JSON value a file would have
/// held: numbers as numbers, text as strings, booleans as booleans, NULL as null. Other types
/// (dates, arrays, ...) are refused by name, since guessing their text would differ from what a
/// file export says.
enum CellValue {
    /// `typeName` is the column type's catalogue name (`int4`, `jsonb`), `sqlName` its SQL name
    /// (`integer`, `timestamp with time zone`), for the error when it is not one of these.
    static func json(_ text: String?, column: String, typeName: String, sqlName: String) throws -> JSONValue {
        guard let text else { return .null }
        switch typeName {
        case "bool":
            return .bool(text == "t")
        case "int2", "int4", "int8":
            guard let value = Int64(text) else { break }
            return .int(value)
        case "float4", "float8", "numeric":
            // PostgreSQL writes floats in their shortest exact form and numerics in their
            // decimal digits, so 0.1 stays 0.1 rather than a binary neighbour.
            guard let value = Double(text), value.isFinite else {
                throw PostGISError("column '\(column)' (\(sqlName)): '\(text)' is not a finite number")
            }
            return .double(value)
        case "text", "varchar", "bpchar", "name", "uuid":
            return .string(text)
        case "json", "jsonb":
            return try JSONParser.parse(text)
        default:
            // A geography is a geometry qadam could read once cast; anything else is a property.
            let cast = typeName == "geography" ? "geometry" : "text"
            throw PostGISError("column '\(column)' has type \(sqlName), which qadam does not read; cast it in the query (e.g. \(column)::\(cast))")
        }
        throw PostGISError("column '\(column)' (\(sqlName)): cannot read '\(text)'")
    }
}
