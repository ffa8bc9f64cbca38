import CSpatiaLite
import Foundation

/// Tiny dataset files made with the SQLite C API: just the `meta` and `layers` tables the
/// snapshot loader reads, plus one table per layer with the given number of rows.
enum DatasetFixture {
    struct SQLiteFailure: Error, CustomStringConvertible {
        let description: String
    }

    /// Writes a dataset to `path` (replacing any file there).
    static func write(to path: String, contentHash: String?, layers: [String: Int] = ["settlements": 3, "facilities": 2]) throws {
        try? FileManager.default.removeItem(atPath: path)
        var db: OpaquePointer?
        guard sqlite3_open(path, &db) == SQLITE_OK, let db else { throw SQLiteFailure(description: "cannot create \(path)") }
        defer { sqlite3_close(db) }
        var sql = "CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT);"
        sql += "INSERT INTO meta VALUES('schema_version', '1');"
        if let contentHash { sql += "INSERT INTO meta VALUES('content_hash', '\(contentHash)');" }
        sql += "CREATE TABLE layers(name TEXT PRIMARY KEY);"
        for (layer, rows) in layers.sorted(by: { $0.key < $1.key }) {
            sql += "INSERT INTO layers VALUES('\(layer)'); CREATE TABLE \(layer)(id INTEGER PRIMARY KEY);"
            for id in 0..<rows { sql += "INSERT INTO \(layer) VALUES(\(id));" }
        }
        var message: UnsafeMutablePointer<CChar>?
        guard sqlite3_exec(db, sql, nil, nil, &message) == SQLITE_OK else {
            defer { sqlite3_free(message) }
            throw SQLiteFailure(description: message.map { String(cString: $0) } ?? "sqlite3_exec failed")
        }
    }

    /// Replaces `path` atomically (write beside it, then rename), as a deploy script would.
    static func replace(_ path: String, contentHash: String) throws {
        let staging = path + ".new"
        try write(to: staging, contentHash: contentHash)
        guard rename(staging, path) == 0 else { throw SQLiteFailure(description: "rename to \(path) failed") }
    }

    /// Replaces `path` atomically with bytes that are not a database.
    static func replaceWithGarbage(_ path: String) throws {
        let staging = path + ".new"
        try Data(repeating: 0x5A, count: 4096).write(to: URL(fileURLWithPath: staging))
        guard rename(staging, path) == 0 else { throw SQLiteFailure(description: "rename to \(path) failed") }
    }
}
