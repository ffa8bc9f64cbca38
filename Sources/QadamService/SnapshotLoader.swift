import CSpatiaLite
import Foundation

/// Builds a `Snapshot` from a dataset file. The daemon and the CLI's in-process mode take the
/// loader as a value, so the dataset store can change without touching either.
public protocol SnapshotLoader: Sendable {
    func load(path: String) throws -> Snapshot
}

/// Why a dataset file could not become a snapshot.
public enum SnapshotLoadError: Error, CustomStringConvertible, Equatable {
    case fileMissing(path: String)
    case unreadable(path: String, sqliteMessage: String)
    case missingMeta(path: String)
    case missingContentHash(path: String)
    case badLayer(path: String, layer: String, sqliteMessage: String)

    public var description: String {
        switch self {
        case .fileMissing(let path):
            return "dataset \(path) does not exist"
        case .unreadable(let path, let message):
            return "dataset \(path) cannot be read as a SQLite database: \(message)"
        case .missingMeta(let path):
            return "dataset \(path) has no 'meta' table; build it with `qadam import`"
        case .missingContentHash(let path):
            return "dataset \(path): the 'meta' table has no 'content_hash' row"
        case .badLayer(let path, let layer, let message):
            return "dataset \(path): layer '\(layer)' listed in 'layers' cannot be counted: \(message)"
        }
    }
}

/// Reads only what every dataset has: the `meta` table and the row count of each table named
/// in the optional `layers` table (column `name`). The full dataset store plugs in later as
/// another `SnapshotLoader`.
public struct SQLiteMetaLoader: SnapshotLoader {
    public init() {}

    public func load(path: String) throws -> Snapshot {
        let started = Date()
        guard FileManager.default.fileExists(atPath: path) else { throw SnapshotLoadError.fileMissing(path: path) }
        var db: OpaquePointer?
        let flags = SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX
        guard sqlite3_open_v2(path, &db, flags, nil) == SQLITE_OK, let db else {
            let message = db.map { String(cString: sqlite3_errmsg($0)) } ?? "out of memory"
            sqlite3_close(db)
            throw SnapshotLoadError.unreadable(path: path, sqliteMessage: message)
        }
        defer { sqlite3_close(db) }

        let tables = try rows(db, "SELECT name FROM sqlite_master WHERE type IN ('table','view')", path: path)
            .compactMap { $0.first ?? nil }
        guard tables.contains("meta") else { throw SnapshotLoadError.missingMeta(path: path) }
        var meta: [String: String] = [:]
        for row in try rows(db, "SELECT key, value FROM meta", path: path) {
            if let key = row[0] { meta[key] = row[1] ?? "" }
        }
        guard let hash = meta["content_hash"], !hash.isEmpty else {
            throw SnapshotLoadError.missingContentHash(path: path)
        }

        var counts: [String: Int] = [:]
        if tables.contains("layers") {
            for layer in try rows(db, "SELECT name FROM layers", path: path).compactMap({ $0.first ?? nil }) {
                let quoted = "\"" + layer.replacingOccurrences(of: "\"", with: "\"\"") + "\""
                do {
                    let count = try rows(db, "SELECT count(*) FROM \(quoted)", path: path).first?.first ?? nil
                    counts[layer] = count.flatMap { Int($0) } ?? 0
                } catch SnapshotLoadError.unreadable(_, let message) {
                    throw SnapshotLoadError.badLayer(path: path, layer: layer, sqliteMessage: message)
                }
            }
        }
        return Snapshot(datasetPath: path, contentHash: hash, meta: meta, layerCounts: counts,
                        loadedAt: Date(), loadSeconds: Date().timeIntervalSince(started))
    }

    /// Runs a query and returns every row as text columns (NULL as nil).
    private func rows(_ db: OpaquePointer, _ sql: String, path: String) throws -> [[String?]] {
        var statement: OpaquePointer?
        guard sqlite3_prepare_v2(db, sql, -1, &statement, nil) == SQLITE_OK, let statement else {
            throw SnapshotLoadError.unreadable(path: path, sqliteMessage: String(cString: sqlite3_errmsg(db)))
        }
        defer { sqlite3_finalize(statement) }
        var result: [[String?]] = []
        while true {
            let step = sqlite3_step(statement)
            if step == SQLITE_DONE { break }
            guard step == SQLITE_ROW else {
                throw SnapshotLoadError.unreadable(path: path, sqliteMessage: String(cString: sqlite3_errmsg(db)))
            }
            result.append((0..<sqlite3_column_count(statement)).map { column in
                sqlite3_column_text(statement, column).map { String(cString: $0) }
            })
        }
        return result
    }
}
