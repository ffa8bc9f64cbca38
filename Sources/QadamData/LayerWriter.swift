import Foundation
import QadamGeo
import QadamContract

/// Writes one layer's records into an open (temporary) dataset inside its transaction.
enum LayerWriter {
    /// Replaces the layer's rows (or, for a layer partitioned by kind, the rows of the kinds
    /// `records` bring), records the source, then recomputes the layer's summary from what is stored.
    static func replace<R: LayerRecord>(_ records: [R], source: LayerSource, in db: SQLiteConnection) throws {
        let layer = R.layer
        let table = layer.rawValue
        try DatasetSchema.ensureLayerTable(layer, db)
        let parts = R.partitionedByKind ? Set(records.compactMap { $0.columns.kind }).sorted() : [""]
        if R.partitionedByKind {
            for part in parts {
                try db.prepare("DELETE FROM \(table) WHERE kind = ?").run([.text(part)])
                try db.prepare("DELETE FROM sources WHERE layer = ? AND part = ?").run([.text(table), .text(part)])
            }
        } else {
            try db.execute("DELETE FROM \(table)")
            try db.prepare("DELETE FROM sources WHERE layer = ?").run([.text(table)])
        }
        let insert = try db.prepare("""
            INSERT INTO \(table) (id, name, kind, population, record, geom)
            VALUES (?, ?, ?, ?, ?, GeomFromWKB(?, 4326))
            """)
        let userInfo: [CodingUserInfoKey: any Sendable] = R.geometryKey == nil ? [:] : [.omitGeometry: true]
        for record in records {
            let text = try JSONValue(encoding: record, userInfo: userInfo).canonicalText
            let c = record.columns
            do {
                try insert.run([.text(record.id), .optional(c.name), .optional(c.kind), .optional(c.population),
                                .text(text), record.storedGeometry.map { .blob($0.wkb) } ?? .null])
            } catch {
                throw DatasetError("writing \(layer) feature '\(record.id)': \(error)")
            }
        }
        let now = DatasetStore.timestamp()
        let addSource = try db.prepare("INSERT INTO sources (layer, part, file, name, licence, imported_at) VALUES (?, ?, ?, ?, ?, ?)")
        for part in parts {
            try addSource.run([.text(table), .text(part), .optional(source.file), .optional(source.name),
                               .optional(source.licence), .text(now)])
        }
        try summarise(layer, importedAt: now, db)
    }

    /// Counts, extent and content hash of a layer, computed from the stored rows so they
    /// describe the file exactly, whichever imports built it.
    private static func summarise(_ layer: LayerKind, importedAt: String, _ db: SQLiteConnection) throws {
        let table = layer.rawValue
        let stats = try db.prepare("""
            SELECT count(*), count(*) - count(geom), min(MbrMinX(geom)), min(MbrMinY(geom)), max(MbrMaxX(geom)), max(MbrMaxY(geom))
            FROM \(table)
            """)
        _ = try stats.step()
        let count = stats.int(0), missing = stats.int(1)
        let extent: [SQLValue] = (2...5).map { stats.double(Int32($0)).map(SQLValue.real) ?? .null }

        var entries: [ContentHash.Entry] = []
        let rows = try db.prepare("SELECT id, record, AsBinary(geom) FROM \(table) ORDER BY id")
        while try rows.step() {
            entries.append(ContentHash.Entry(id: rows.text(0) ?? "", record: rows.text(1) ?? "", wkb: rows.blob(2) ?? []))
        }
        try db.prepare("""
            INSERT OR REPLACE INTO layers (name, feature_count, missing_geometry_count, min_lon, min_lat, max_lon, max_lat,
                                           imported_at, content_hash)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).run([.text(table), .integer(Int64(count)), .integer(Int64(missing))] + extent
                     + [.text(importedAt), .text(ContentHash.layer(entries))])
        let sources = try DatasetSchema.sources(of: layer, db)
        let setMeta = try db.prepare("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)")
        try setMeta.run([.text("source.\(table)"), .text(sources.map { $0.name ?? $0.file ?? "" }.joined(separator: "; "))])
        try setMeta.run([.text("licence.\(table)"), .text(sources.map { $0.licence ?? "" }.joined(separator: "; "))])
    }
}

/// Reads one layer's rows back into records.
enum LayerReader {
    struct Row {
        let record: String
        let wkb: [UInt8]?
    }

    static func rows(_ layer: LayerKind, db: SQLiteConnection) throws -> [Row] {
        guard try DatasetSchema.hasTable(layer, db) else { return [] }
        let s = try db.prepare("SELECT record, AsBinary(geom) FROM \(layer.rawValue) ORDER BY fid")
        var rows: [Row] = []
        while try s.step() { rows.append(Row(record: s.text(0) ?? "{}", wkb: s.blob(1))) }
        return rows
    }

    /// Point layers keep their geometry in the record, so all rows decode in one pass; layers
    /// with large geometries decode row by row with the geometry from `geom`.
    static func records<R: LayerRecord>(_ type: R.Type, db: SQLiteConnection) throws -> [R] {
        let rows = try rows(R.layer, db: db)
        do {
            if R.geometryKey == nil {
                let array = "[" + rows.map(\.record).joined(separator: ",") + "]"
                return try JSONValueDecoder.decode([R].self, from: JSONParser.parse(array))
            }
            return try rows.map { row in
                let geometry = try row.wkb.map { try Geometry(wkb: $0) }
                return try JSONValueDecoder.decode(R.self, from: JSONParser.parse(row.record),
                                                   userInfo: [.storedGeometry: StoredGeometryBox(geometry)])
            }
        } catch let e as JSONSyntaxError {
            throw DatasetError("layer \(R.layer): a stored record is not JSON (\(e)); is the file damaged?")
        } catch let e as DecodingError {
            throw DatasetError("layer \(R.layer): a stored record does not decode (\(e)); was the file written by another schema version?")
        }
    }
}
