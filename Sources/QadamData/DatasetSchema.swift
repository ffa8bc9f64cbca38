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
                source_file TEXT, source_name TEXT, licence TEXT,
                imported_at TEXT NOT NULL,
                content_hash TEXT NOT NULL
            );
            INSERT INTO meta(key, value) VALUES ('schema_version', '\(DatasetStore.schemaVersion)');
            INSERT INTO meta(key, value) VALUES ('generator', 'qadam');
            """)
    }

    /// Creates a layer's table with its geometry column and spatial index, if it is not there yet.
    static func ensureLayerTable(_ layer: LayerKind, _ db: SQLiteConnection) throws {
        let exists = try db.scalarText("SELECT name FROM sqlite_master WHERE type = 'table' AND name = ?", [.text(layer.rawValue)])
        guard exists == nil else { return }
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
