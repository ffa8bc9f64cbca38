import Foundation
import QadamGeo

/// Writes one layer's records into an open (temporary) dataset inside its transaction.
enum LayerWriter {
    static func replace<R: LayerRecord>(_ records: [R], source: LayerSource, in db: SQLiteConnection) throws {
        let layer = R.layer
        try DatasetSchema.ensureLayerTable(layer, db)
        try db.execute("DELETE FROM \(layer.rawValue)")
        let insert = try db.prepare("""
            INSERT INTO \(layer.rawValue) (id, name, kind, population, record, geom)
            VALUES (?, ?, ?, ?, ?, GeomFromWKB(?, 4326))
            """)
        var entries: [ContentHash.Entry] = []
        entries.reserveCapacity(records.count)
        var extent = BoundingBox.empty
        var missing = 0
        let userInfo: [CodingUserInfoKey: Any] = R.geometryKey == nil ? [:] : [.omitGeometry: true]
        for record in records {
            let text = try JSONValue(encoding: record, userInfo: userInfo).canonicalText
            let geometry = record.storedGeometry
            let wkb = geometry?.wkb ?? []
            if let geometry { extent.formUnion(geometry.envelope) } else { missing += 1 }
            let c = record.columns
            do {
                try insert.run([.text(record.id), .optional(c.name), .optional(c.kind), .optional(c.population),
                                .text(text), geometry == nil ? .null : .blob(wkb)])
            } catch {
                throw DatasetError("writing \(layer) feature '\(record.id)': \(error)")
            }
            entries.append(ContentHash.Entry(id: record.id, record: text, wkb: wkb))
        }
        let hasExtent = !extent.isEmpty
        try db.prepare("""
            INSERT OR REPLACE INTO layers (name, feature_count, missing_geometry_count, min_lon, min_lat, max_lon, max_lat,
                                           source_file, source_name, licence, imported_at, content_hash)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).run([
                .text(layer.rawValue), .integer(Int64(records.count)), .integer(Int64(missing)),
                hasExtent ? .real(extent.minX) : .null, hasExtent ? .real(extent.minY) : .null,
                hasExtent ? .real(extent.maxX) : .null, hasExtent ? .real(extent.maxY) : .null,
                .optional(source.file), .optional(source.name), .optional(source.licence),
                .text(DatasetStore.timestamp()), .text(ContentHash.layer(entries)),
            ])
        try db.prepare("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)").run([.text("source.\(layer.rawValue)"), .optional(source.name ?? source.file)])
        try db.prepare("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)").run([.text("licence.\(layer.rawValue)"), .optional(source.licence ?? "")])
    }
}

/// Reads one layer's rows back into records.
enum LayerReader {
    struct Row {
        let record: String
        let wkb: [UInt8]?
    }

    static func rows(_ layer: LayerKind, db: SQLiteConnection) throws -> [Row] {
        guard try db.scalarText("SELECT name FROM sqlite_master WHERE type = 'table' AND name = ?", [.text(layer.rawValue)]) != nil else {
            return []
        }
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
                return try JSONDecoder().decode([R].self, from: Data(array.utf8))
            }
            return try rows.map { row in
                let geometry = try row.wkb.map { try Geometry(wkb: $0) }
                let decoder = JSONDecoder()
                decoder.userInfo[.storedGeometry] = StoredGeometryBox(geometry)
                return try decoder.decode(R.self, from: Data(row.record.utf8))
            }
        } catch let e as DecodingError {
            throw DatasetError("layer \(R.layer): a stored record does not decode (\(e)); was the file written by another schema version?")
        }
    }
}
