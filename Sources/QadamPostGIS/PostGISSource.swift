import Foundation
import CLibPQ
import QadamData
import QadamContract

/// Reads one PostGIS table or query into a `QueryResult` over a single libpq connection: the
/// geometry column arrives as hex EWKB (PostGIS's text form of its binary, SRID included), the
/// other columns as the JSON values a file export would hold. Reads only: the statements run in
/// a READ ONLY transaction, never committed (closing the connection ends it), one statement at
/// a time (the extended protocol refuses `SELECT ...; DELETE ...`), so a query can change
/// nothing on the server. The import that follows is the same as a file's.
public enum PostGISSource {
    /// What to read: a whole table (`schools` or `planning.schools`) or the rows of a SELECT.
    public enum Selection: Sendable {
        case table(String)
        case query(String)
    }

    public static func read(_ selection: Selection, from uri: PostgresURI) throws -> QueryResult {
        // A 10 s connect timeout unless the URI says otherwise (libpq would wait about two
        // minutes on a host that drops packets): array entries before the expanded URI are
        // defaults its own parameters override.
        let connection: OpaquePointer? = ["connect_timeout", "dbname"].withCStringArray { keywords in
            ["10", uri.text].withCStringArray { values in PQconnectdbParams(keywords, values, 1) }
        }
        guard let connection else {
            throw PostGISError("cannot connect to PostgreSQL: libpq could not allocate a connection")
        }
        defer { PQfinish(connection) }
        guard PQstatus(connection) == CONNECTION_OK else { throw PostGISError.connecting(connection) }
        // The server's NOTICE and WARNING lines would go to stderr around qadam's own report.
        PQsetNoticeProcessor(connection, { _, _ in }, nil)
        let database = PQdb(connection).map { String(cString: $0) } ?? ""
        try command("BEGIN TRANSACTION READ ONLY", on: connection, while: "cannot start a read-only transaction")

        // Extension types (geometry) have per-database OIDs, so the cells' types are named from
        // the catalogue.
        let catalogue = try run("SELECT oid, typname, format_type(oid, NULL) FROM pg_type", on: connection,
                                while: "cannot read the type catalogue of database '\(database)'")
        defer { PQclear(catalogue) }
        var typeNames: [Oid: (name: String, sql: String)] = [:]
        for row in 0..<PQntuples(catalogue) {
            guard let oid = Oid(text(catalogue, row, 0) ?? "") else { continue }
            typeNames[oid] = (text(catalogue, row, 1) ?? "", text(catalogue, row, 2) ?? "")
        }

        let (sql, source, subject) = describe(selection, database: database)
        let rows = try run(sql, on: connection, while: "PostgreSQL refused \(subject)")
        defer { PQclear(rows) }
        guard PQntuples(rows) > 0 else {
            throw PostGISError("\(subject) returned no rows; nothing to import")
        }
        let columnCount = PQnfields(rows)
        let columns = (0..<columnCount).map { String(cString: PQfname(rows, $0)) }
        let types = (0..<columnCount).map { typeNames[PQftype(rows, $0)] ?? ("oid \(PQftype(rows, $0))", "oid \(PQftype(rows, $0))") }
        if let twice = Dictionary(grouping: columns, by: { $0 }).first(where: { $0.value.count > 1 })?.key {
            throw PostGISError("\(subject) returns column '\(twice)' more than once; name the columns apart with AS")
        }
        let geometryColumns = (0..<Int(columnCount)).filter { types[$0].name == "geometry" }
        guard geometryColumns.count <= 1 else {
            throw PostGISError("\(subject) returns several geometry columns (\(geometryColumns.map { columns[$0] }.joined(separator: ", "))); select one")
        }
        let geometryColumn = geometryColumns.first
        var result = QueryResult(source: source, columns: columns, geometryColumn: geometryColumn.map { columns[$0] }, rows: [])
        result.rows.reserveCapacity(Int(PQntuples(rows)))
        for row in 0..<PQntuples(rows) {
            var properties: [String: JSONValue] = [:]
            var ewkb: [UInt8]?
            for column in 0..<Int(columnCount) {
                let cell = text(rows, row, Int32(column))
                if column == geometryColumn {
                    ewkb = try cell.map { try hexBytes($0, column: columns[column]) }
                    continue
                }
                do {
                    properties[columns[column]] = try CellValue.json(cell, column: columns[column],
                                                                      typeName: types[column].name, sqlName: types[column].sql)
                } catch let e as PostGISError {
                    throw PostGISError("\(subject): \(e.message)")
                }
            }
            result.rows.append(QueryResult.Row(properties: properties, ewkb: ewkb))
        }
        return result
    }

    /// Runs one statement that returns rows, through the extended protocol, which refuses a
    /// text of several statements; the result is the caller's to clear.
    private static func run(_ sql: String, on connection: OpaquePointer, while doing: String) throws -> OpaquePointer {
        let result = PQexecParams(connection, sql, 0, nil, nil, nil, nil, 0)
        let status = result.map(PQresultStatus) ?? PGRES_FATAL_ERROR
        guard let result, status == PGRES_TUPLES_OK else {
            let error = status == PGRES_COMMAND_OK || status == PGRES_EMPTY_QUERY
                ? PostGISError("\(doing): it is not a statement that returns rows (\(String(cString: PQresStatus(status)))); give a SELECT")
                : PostGISError.refused(result, on: connection, while: doing)
            PQclear(result)
            throw error
        }
        return result
    }

    /// Runs a statement that returns no rows (transaction control).
    private static func command(_ sql: String, on connection: OpaquePointer, while doing: String) throws {
        let result = PQexec(connection, sql)
        defer { PQclear(result) }
        guard let result, PQresultStatus(result) == PGRES_COMMAND_OK else {
            throw PostGISError.refused(result, on: connection, while: doing)
        }
    }

    /// A cell in PostgreSQL's text form; nil for NULL.
    private static func text(_ result: OpaquePointer, _ row: Int32, _ column: Int32) -> String? {
        PQgetisnull(result, row, column) == 1 ? nil : String(cString: PQgetvalue(result, row, column))
    }

    /// PostGIS writes a geometry as the hex digits of its EWKB.
    private static func hexBytes(_ hex: String, column: String) throws -> [UInt8] {
        let digits = Array(hex.utf8)
        func value(_ d: UInt8) -> UInt8? {
            switch d {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): return d - UInt8(ascii: "0")
            case UInt8(ascii: "A")...UInt8(ascii: "F"): return d - UInt8(ascii: "A") + 10
            case UInt8(ascii: "a")...UInt8(ascii: "f"): return d - UInt8(ascii: "a") + 10
            default: return nil
            }
        }
        guard digits.count % 2 == 0 else { throw PostGISError("column '\(column)': the geometry's hex EWKB has an odd length") }
        var bytes = [UInt8]()
        bytes.reserveCapacity(digits.count / 2)
        for i in stride(from: 0, to: digits.count, by: 2) {
            guard let high = value(digits[i]), let low = value(digits[i + 1]) else {
                throw PostGISError("column '\(column)': the geometry is not hex EWKB")
            }
            bytes.append(high << 4 | low)
        }
        return bytes
    }

    /// The SQL to run, the source's name in problems and in the dataset, and what to call it in
    /// an error.
    private static func describe(_ selection: Selection, database: String) -> (sql: String, source: String, subject: String) {
        switch selection {
        case .table(let name):
            let quoted = name.split(separator: ".", omittingEmptySubsequences: false)
                .map { "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }.joined(separator: ".")
            return ("SELECT * FROM \(quoted)", "postgresql:\(database)/\(name)", "--table \(name)")
        case .query(let sql):
            let shown = sql.count > 200 ? String(sql.prefix(200)) + "..." : sql
            return (sql, "postgresql:\(database) query", "the query '\(shown)'")
        }
    }
}

private extension Array where Element == String {
    /// The strings as a NULL-ended array of C strings, for libpq's keyword and value arrays.
    func withCStringArray<R>(_ body: (UnsafePointer<UnsafePointer<CChar>?>) -> R) -> R {
        let copies = map { strdup($0) }
        defer { copies.forEach { free($0) } }
        let pointers = copies.map { UnsafePointer($0) } + [nil]
        return pointers.withUnsafeBufferPointer { body($0.baseAddress!) }
    }
}
