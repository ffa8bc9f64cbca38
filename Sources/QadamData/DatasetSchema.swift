import QadamContract

/// The tables of a dataset file; docs/dataset.md describes them for people using SQL.
enum DatasetSchema {
    static func create(_ db: SQLiteConnection) throws {
        try db.execute("SELECT InitSpatialMetadata(1)")
        try db.execute("""
            CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
            CREATE TABLE layers (
                name TEXT PRIMARY KEY,
                feature_count INTEGER NOT NULL,
                missing_geometry_count INTEGER NOT NULL,
                min_lon REAL, min_lat REAL, max_lon REAL, max_lat REAL,
                imported_at TEXT NOT NULL,
                content_hash TEXT NOT NULL
            );
            CREATE TABLE sources (
                layer TEXT NOT NULL,
                part TEXT NOT NULL,
                file TEXT, name TEXT, licence TEXT,
                imported_at TEXT NOT NULL,
                PRIMARY KEY (layer, part)
            );
            INSERT INTO meta(key, value) VALUES ('schema_version', '\(DatasetStore.schemaVersion)');
            INSERT INTO meta(key, value) VALUES ('generator', 'qadam');
            """)
    }

    static func hasTable(_ layer: LayerKind, _ db: SQLiteConnection) throws -> Bool {
        try db.scalarText("SELECT name FROM sqlite_master WHERE type = 'table' AND name = ?", [.text(layer.rawValue)]) != nil
    }

    /// The sources a layer was built from, one per part (one in all for unpartitioned layers).
    static func sources(of layer: LayerKind, _ db: SQLiteConnection) throws -> [LayerSource] {
        let s = try db.prepare("SELECT part, file, name, licence FROM sources WHERE layer = ? ORDER BY part")
        try s.bind([.text(layer.rawValue)])
        var result: [LayerSource] = []
        while try s.step() {
            let part = s.text(0) ?? ""
            result.append(LayerSource(file: s.text(1), name: s.text(2), licence: s.text(3), part: part.isEmpty ? nil : part))
        }
        return result
    }

    /// Creates a layer's table with its geometry column and spatial index, if it is not there yet.
    static func ensureLayerTable(_ layer: LayerKind, _ db: SQLiteConnection) throws {
        guard try !hasTable(layer, db) else { return }
        try db.execute("""
            CREATE TABLE \(layer.rawValue) (
                fid INTEGER PRIMARY KEY,
                id TEXT NOT NULL UNIQUE,
                name TEXT,
                kind TEXT,
                population REAL,
                record TEXT NOT NULL
            )
            """)
        let added = try db.scalarText("SELECT AddGeometryColumn('\(layer.rawValue)', 'geom', 4326, '\(layer.geometryShape.spatialiteType)', 'XY')")
        guard added == "1" else { throw DatasetError("SpatiaLite could not add the geometry column to \(layer.rawValue)") }
        let indexed = try db.scalarText("SELECT CreateSpatialIndex('\(layer.rawValue)', 'geom')")
        guard indexed == "1" else { throw DatasetError("SpatiaLite could not index \(layer.rawValue).geom") }
    }
}
