import Logging
import NIOSSL
import PostgresNIO
import QadamData
import QadamProtocol

/// Reads one PostGIS table or query into a `QueryResult` over a single PostgresNIO connection:
/// the geometry column travels as EWKB (PostGIS's binary form, SRID included), the other
/// columns as the JSON values a file export would hold. Reads only; the import that follows
/// is the same as a file's.
public enum PostGISSource {
    /// What to read: a whole table (`schools` or `planning.schools`) or the rows of a SELECT.
    public enum Selection: Sendable {
        case table(String)
        case query(String)
    }

    public static func read(_ selection: Selection, from url: PostgresURL) throws -> QueryResult {
        try BlockingTask.run { try await read(selection, from: url) }
    }

    public static func read(_ selection: Selection, from url: PostgresURL) async throws -> QueryResult {
        let logger = Logger(label: "qadam.postgis", factory: { _ in SwiftLogNoOpLogHandler() })
        let connection: PostgresConnection
        do {
            connection = try await PostgresConnection.connect(configuration: try configuration(url), id: 1, logger: logger)
        } catch {
            throw PostGISError.explaining(error, while: "cannot connect to \(url.description)")
        }
        do {
            let result = try await read(selection, database: url.database, on: connection, logger: logger)
            try? await connection.close()
            return result
        } catch {
            try? await connection.close()
            throw error
        }
    }

    private static func read(_ selection: Selection, database: String, on connection: PostgresConnection,
                             logger: Logger) async throws -> QueryResult {
        // Extension types (geometry) have per-database OIDs, so the cells' types are named from
        // the catalogue rather than from PostgresNIO's built-in list.
        var typeNames: [UInt32: (name: String, sql: String)] = [:]
        do {
            for try await (oid, name, sql) in try await connection.query(
                "SELECT oid::int8, typname::text, format_type(oid, NULL) FROM pg_type", logger: logger
            ).decode((Int64, String, String).self) {
                typeNames[UInt32(oid)] = (name, sql)
            }
        } catch {
            throw PostGISError.explaining(error, while: "cannot read the type catalogue of database '\(database)'")
        }

        let (sql, source, subject) = describe(selection, database: database)
        let rows: [PostgresRow]
        do {
            rows = try await connection.query(PostgresQuery(unsafeSQL: sql), logger: logger).collect()
        } catch {
            throw PostGISError.explaining(error, while: "PostgreSQL refused \(subject)")
        }
        guard let first = rows.first else {
            throw PostGISError("\(subject) returned no rows; nothing to import")
        }
        let columns = first.map(\.columnName)
        if let twice = Dictionary(grouping: columns, by: { $0 }).first(where: { $0.value.count > 1 })?.key {
            throw PostGISError("\(subject) returns column '\(twice)' more than once; name the columns apart with AS")
        }
        let geometryColumns = first.filter { typeNames[$0.dataType.rawValue]?.name == "geometry" }.map(\.columnName)
        guard geometryColumns.count <= 1 else {
            throw PostGISError("\(subject) returns several geometry columns (\(geometryColumns.joined(separator: ", "))); select one")
        }
        let geometryColumn = geometryColumns.first
        var result = QueryResult(source: source, columns: columns, geometryColumn: geometryColumn, rows: [])
        result.rows.reserveCapacity(rows.count)
        for row in rows {
            var properties: [String: JSONValue] = [:]
            var ewkb: [UInt8]?
            for cell in row {
                if cell.columnName == geometryColumn {
                    ewkb = cell.bytes.map { Array($0.readableBytesView) }
                } else {
                    let typeName = typeNames[cell.dataType.rawValue]?.sql ?? "\(cell.dataType)"
                    do {
                        properties[cell.columnName] = try CellValue.json(cell, typeName: typeName)
                    } catch let e as PostGISError {
                        throw PostGISError("\(subject): \(e.message)")
                    }
                }
            }
            result.rows.append(QueryResult.Row(properties: properties, ewkb: ewkb))
        }
        return result
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

    private static func configuration(_ url: PostgresURL) throws -> PostgresConnection.Configuration {
        switch url.endpoint {
        case .socket(let path):
            return .init(unixSocketPath: path, username: url.user, password: url.password, database: url.database)
        case .tcp(let host, let port):
            let tls: PostgresConnection.Configuration.TLS
            switch url.sslMode {
            case .disable: tls = .disable
            case .prefer: tls = .prefer(try NIOSSLContext(configuration: .makeClientConfiguration()))
            case .require: tls = .require(try NIOSSLContext(configuration: .makeClientConfiguration()))
            }
            return .init(host: host, port: port, username: url.user, password: url.password, database: url.database, tls: tls)
        }
    }
}
