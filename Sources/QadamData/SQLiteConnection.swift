import CSpatiaLite
import Foundation
import QadamContract

/// A failure reported by SQLite or SpatiaLite, with the statement that failed.
public struct DatabaseError: Error, CustomStringConvertible, Sendable {
    public let message: String
    public var description: String { message }
}

/// One SQLite connection with SpatiaLite's functions registered, closed in `deinit`.
///
/// Used by one thread at a time (the store opens a connection per operation); SpatiaLite's
/// per-connection cache comes from `spatialite_alloc_connection` as its docs require for the
/// thread-safe `_ex` API.
final class SQLiteConnection {
    private var db: OpaquePointer?
    private let cache: UnsafeMutableRawPointer?

    init(path: String, readOnly: Bool) throws {
        let flags = readOnly ? SQLITE_OPEN_READONLY : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE)
        var handle: OpaquePointer?
        let rc = sqlite3_open_v2(path, &handle, flags | SQLITE_OPEN_NOMUTEX, nil)
        guard rc == SQLITE_OK, let handle else {
            let message = handle.map { String(cString: sqlite3_errmsg($0)) } ?? "out of memory"
            sqlite3_close(handle)
            throw DatabaseError(message: "cannot open \(path): \(message)")
        }
        db = handle
        cache = spatialite_alloc_connection()
        spatialite_init_ex(handle, cache, 0)
    }

    deinit {
        sqlite3_close(db)
        spatialite_cleanup_ex(cache)
    }

    func execute(_ sql: String) throws {
        var errorText: UnsafeMutablePointer<CChar>?
        guard sqlite3_exec(db, sql, nil, nil, &errorText) == SQLITE_OK else {
            let message = errorText.map { String(cString: $0) } ?? lastError
            sqlite3_free(errorText)
            throw DatabaseError(message: "\(message) (in: \(sql.prefix(120)))")
        }
    }

    func prepare(_ sql: String) throws -> Statement {
        var stmt: OpaquePointer?
        guard sqlite3_prepare_v2(db, sql, -1, &stmt, nil) == SQLITE_OK, let stmt else {
            throw DatabaseError(message: "\(lastError) (in: \(sql.prefix(120)))")
        }
        return Statement(stmt, connection: self)
    }

    /// Runs a query and returns the first column of the first row as text, or nil.
    func scalarText(_ sql: String, _ bindings: [SQLValue] = []) throws -> String? {
        let s = try prepare(sql)
        try s.bind(bindings)
        return try s.step() ? s.text(0) : nil
    }

    var lastError: String { db.map { String(cString: sqlite3_errmsg($0)) } ?? "no database" }
}

/// A value bound to a statement parameter.
enum SQLValue {
    case null, integer(Int64), real(Double), text(String), blob([UInt8])

    static func optional(_ s: String?) -> SQLValue { s.map(SQLValue.text) ?? .null }
    static func optional(_ d: Double?) -> SQLValue { d.map(SQLValue.real) ?? .null }
}

/// A prepared statement, finalised in `deinit`.
final class Statement {
    private let stmt: OpaquePointer
    private let connection: SQLiteConnection

    init(_ stmt: OpaquePointer, connection: SQLiteConnection) {
        self.stmt = stmt
        self.connection = connection
    }

    deinit { sqlite3_finalize(stmt) }

    /// SQLITE_TRANSIENT: SQLite copies the bytes, so Swift's buffers need not outlive the call.
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    func bind(_ values: [SQLValue]) throws {
        sqlite3_reset(stmt)
        sqlite3_clear_bindings(stmt)
        for (i, v) in values.enumerated() {
            let at = Int32(i + 1)
            let rc: Int32
            switch v {
            case .null: rc = sqlite3_bind_null(stmt, at)
            case .integer(let n): rc = sqlite3_bind_int64(stmt, at, n)
            case .real(let d): rc = sqlite3_bind_double(stmt, at, d)
            case .text(let s): rc = sqlite3_bind_text(stmt, at, s, -1, Self.transient)
            case .blob(let b):
                rc = b.withUnsafeBytes { sqlite3_bind_blob(stmt, at, $0.baseAddress, Int32($0.count), Self.transient) }
            }
            guard rc == SQLITE_OK else { throw DatabaseError(message: connection.lastError) }
        }
    }

    /// Advances to the next row; false when done.
    func step() throws -> Bool {
        switch sqlite3_step(stmt) {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        default: throw DatabaseError(message: connection.lastError)
        }
    }

    /// Binds and runs a statement that returns no rows.
    func run(_ values: [SQLValue]) throws {
        try bind(values)
        _ = try step()
    }

    func isNull(_ column: Int32) -> Bool { sqlite3_column_type(stmt, column) == SQLITE_NULL }

    var columnCount: Int32 { sqlite3_column_count(stmt) }

    func columnName(_ column: Int32) -> String { sqlite3_column_name(stmt, column).map { String(cString: $0) } ?? "" }

    /// A column of the current row as a property value: numbers, text, NULL; blobs are not
    /// properties (nil).
    func value(_ column: Int32) -> JSONValue? {
        switch sqlite3_column_type(stmt, column) {
        case SQLITE_INTEGER: return .int(sqlite3_column_int64(stmt, column))
        case SQLITE_FLOAT: return .double(sqlite3_column_double(stmt, column))
        case SQLITE_TEXT: return text(column).map(JSONValue.string)
        case SQLITE_NULL: return .null
        default: return nil
        }
    }

    func text(_ column: Int32) -> String? {
        guard let p = sqlite3_column_text(stmt, column) else { return nil }
        return String(cString: p)
    }

    func int(_ column: Int32) -> Int { Int(sqlite3_column_int64(stmt, column)) }

    func double(_ column: Int32) -> Double? { isNull(column) ? nil : sqlite3_column_double(stmt, column) }

    func blob(_ column: Int32) -> [UInt8]? {
        guard let p = sqlite3_column_blob(stmt, column) else { return nil }
        let n = Int(sqlite3_column_bytes(stmt, column))
        return Array(UnsafeRawBufferPointer(start: p, count: n).bindMemory(to: UInt8.self))
    }
}
