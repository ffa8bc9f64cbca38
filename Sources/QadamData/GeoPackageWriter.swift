import Foundation
import QadamGeo
import QadamContract

/// Writes tables with WGS 84 geometries as a GeoPackage 1.2 file that GDAL and QGIS open: one
/// feature table per layer, with a `geom` column in EPSG:4326 and attribute columns typed from
/// their values, or an attribute table when no row has a geometry. SpatiaLite's GeoPackage
/// functions create the metadata tables and encode the geometries, so no GeoPackage binary is
/// hand-made here. No style is stored: QGIS draws the layers with its defaults.
///
/// The file is built beside the target and renamed over it when complete, so a reader never
/// sees half a GeoPackage and a failed write leaves an existing file as it was.
public enum GeoPackageWriter {
    public struct Layer: Sendable {
        public enum Value: Sendable {
            case null, integer(Int), real(Double), text(String)
        }

        /// The table name, also the layer name QGIS shows.
        public var name: String
        public var columns: [String]
        public var rows: [[Value]]
        /// One per row, in WGS 84; nil for a row without one.
        public var geometries: [Geometry?]

        public init(name: String, columns: [String], rows: [[Value]], geometries: [Geometry?]) {
            self.name = name; self.columns = columns; self.rows = rows; self.geometries = geometries
        }
    }

    public static func write(_ layers: [Layer], to url: URL) throws {
        let fm = FileManager.default
        let temp = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).tmp")
        defer { try? fm.removeItem(at: temp) }
        do {
            let db = try SQLiteConnection(path: temp.path, readOnly: false)
            try db.execute("BEGIN")
            // Sets the GeoPackage application id and makes gpkg_spatial_ref_sys (4326 included),
            // gpkg_contents and gpkg_geometry_columns.
            _ = try db.scalarText("SELECT gpkgCreateBaseTables()")
            try db.execute("PRAGMA user_version = 10200")
            for layer in layers { try write(layer, db) }
            try db.execute("COMMIT")
        }
        guard rename(temp.path, url.path) == 0 else {
            throw DatabaseError(message: "cannot write \(url.path): \(String(cString: strerror(errno)))")
        }
    }

    private static func write(_ layer: Layer, _ db: SQLiteConnection) throws {
        let table = quoted(layer.name)
        let columns = layer.columns.enumerated().map { i, name in
            "\(quoted(name)) \(sqlType(layer.rows.lazy.compactMap { i < $0.count ? $0[i] : nil }))"
        }
        try db.execute("CREATE TABLE \(table) (fid INTEGER PRIMARY KEY AUTOINCREMENT\(columns.map { ", " + $0 }.joined()))")
        let present = layer.geometries.compactMap { $0 }
        let placeholders = Array(repeating: "?", count: layer.columns.count)
        let insert: Statement
        if present.isEmpty {
            try db.prepare("INSERT INTO gpkg_contents (table_name, data_type, identifier) VALUES (?, 'attributes', ?)")
                .run([.text(layer.name), .text(layer.name)])
            insert = try db.prepare("INSERT INTO \(table) (\(layer.columns.map(quoted).joined(separator: ", "))) VALUES (\(placeholders.joined(separator: ", ")))")
        } else {
            let kinds = Set(present.map { $0.kind.description.uppercased() })
            let type = kinds.count == 1 ? kinds.first! : "GEOMETRY"
            _ = try db.scalarText("SELECT gpkgAddGeometryColumn(?, 'geom', ?, 0, 0, 4326)", [.text(layer.name), .text(type)])
            let extent = present.map(\.envelope).reduce(BoundingBox.empty) { $0.union($1) }
            try db.prepare("UPDATE gpkg_contents SET identifier = ?, min_x = ?, min_y = ?, max_x = ?, max_y = ? WHERE table_name = ?")
                .run([.text(layer.name), .real(extent.minX), .real(extent.minY), .real(extent.maxX), .real(extent.maxY), .text(layer.name)])
            insert = try db.prepare("INSERT INTO \(table) (geom\(layer.columns.map { ", " + quoted($0) }.joined())) VALUES (AsGPB(GeomFromWKB(?, 4326))\(placeholders.map { ", " + $0 }.joined()))")
        }
        for (i, row) in layer.rows.enumerated() {
            var values = layer.columns.indices.map { c in c < row.count ? sqlValue(row[c]) : .null }
            if !present.isEmpty { values.insert(i < layer.geometries.count ? layer.geometries[i].map { .blob($0.wkb) } ?? .null : .null, at: 0) }
            try insert.run(values)
        }
    }

    /// INTEGER when every value is a whole number, REAL when all are numbers, else TEXT (also
    /// for a column with no values): what QGIS shows in the attribute table.
    private static func sqlType<S: Sequence>(_ values: S) -> String where S.Element == Layer.Value {
        var type = "INTEGER"
        var any = false
        for v in values {
            switch v {
            case .null: continue
            case .integer: break
            case .real: type = "REAL"
            case .text: return "TEXT"
            }
            any = true
        }
        return any ? type : "TEXT"
    }

    private static func sqlValue(_ v: Layer.Value) -> SQLValue {
        switch v {
        case .null: return .null
        case .integer(let i): return .integer(Int64(i))
        case .real(let d): return .real(d)
        case .text(let s): return .text(s)
        }
    }

    private static func quoted(_ identifier: String) -> String {
        "\"" + identifier.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
