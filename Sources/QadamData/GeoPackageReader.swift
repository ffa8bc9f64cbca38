import Foundation
import QadamGeo
import QadamContract

/// Reads one feature table of an OGC GeoPackage (a SQLite file) as source features, so a
/// population grid such as Kontur's H3 hexagons (`population` table: `h3`, `population`,
/// polygons in EPSG:3857) imports like any GeoJSON layer. Geometries are decoded by SpatiaLite
/// (`GeomFromGPB`) and brought to WGS 84 with PROJ from the table's declared SRS.
enum GeoPackageReader {
    static func read(_ url: URL, table requested: String?) throws -> SourceDocument {
        let name = url.lastPathComponent
        func unreadable(_ message: String) -> ImportError {
            .unreadable(file: url.path, problems: [DataProblem(.error, ProblemLocation(file: name), message)])
        }
        guard FileManager.default.isReadableFile(atPath: url.path) else { throw unreadable("cannot read file") }
        let db: SQLiteConnection
        let tables: [String]
        do {
            db = try SQLiteConnection(path: url.path, readOnly: true)
            let list = try db.prepare("SELECT table_name FROM gpkg_contents WHERE data_type = 'features' ORDER BY table_name")
            var names: [String] = []
            while try list.step() { if let t = list.text(0) { names.append(t) } }
            tables = names
        } catch {
            throw unreadable("not a GeoPackage (no readable gpkg_contents table): \(error)")
        }
        let table: String
        switch (requested, tables.count) {
        case (let wanted?, _):
            guard tables.contains(wanted) else {
                throw unreadable("has no feature table '\(wanted)' (feature tables: \(tables.joined(separator: ", ")))")
            }
            table = wanted
        case (nil, 1): table = tables[0]
        case (nil, 0): throw unreadable("has no feature table")
        default: throw unreadable("has several feature tables (\(tables.joined(separator: ", "))): name one with --source-layer")
        }

        let geometryColumn: String
        let toWGS84: Projection?
        do {
            let info = try db.prepare("""
                SELECT g.column_name, g.srs_id, s.organization, s.organization_coordsys_id
                FROM gpkg_geometry_columns g LEFT JOIN gpkg_spatial_ref_sys s ON s.srs_id = g.srs_id
                WHERE g.table_name = ?
                """)
            try info.bind([.text(table)])
            guard try info.step(), let column = info.text(0) else { throw unreadable("table '\(table)' has no geometry column") }
            geometryColumn = column
            toWGS84 = try projection(srsID: info.int(1), organization: info.text(2), code: info.isNull(3) ? nil : info.int(3))
        } catch let e as ImportError {
            throw e
        } catch {
            throw unreadable("table '\(table)': \(error)")
        }

        var features: [SourceFeature] = []
        var fieldNames = Set<String>()
        do {
            let quoted = { (s: String) in "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
            let rows = try db.prepare("SELECT AsBinary(GeomFromGPB(\(quoted(geometryColumn)))), * FROM \(quoted(table))")
            let columns = (1..<rows.columnCount).map { ($0, rows.columnName($0)) }.filter { $0.1 != geometryColumn }
            fieldNames = Set(columns.map(\.1))
            var number = 0
            while try rows.step() {
                number += 1
                var properties: [String: JSONValue] = [:]
                for (i, column) in columns { if let v = rows.value(i) { properties[column] = v } }
                var feature = SourceFeature(number: number, properties: properties, geometryField: geometryColumn)
                if let wkb = rows.blob(0) {
                    do {
                        let g = try Geometry(wkb: wkb)
                        feature.geometry = try toWGS84.map { try $0.forward(g) } ?? g
                        feature.declaredType = feature.geometry?.kind.description
                    } catch {
                        feature.geometryProblem = "geometry cannot be read or brought to WGS 84: \(error)"
                    }
                } else {
                    feature.geometryProblem = "no geometry (NULL or not a GeoPackage geometry blob)"
                }
                features.append(feature)
            }
        } catch {
            throw unreadable("table '\(table)': \(error)")
        }
        return SourceDocument(file: name, format: .geopackage, features: features, fieldNames: fieldNames)
    }

    /// The transformation to WGS 84 for a GeoPackage SRS, or nil when it is WGS 84 already.
    /// GeoPackage reserves 0 for "undefined geographic" (taken as WGS 84) and -1 for "undefined
    /// Cartesian" (which cannot be placed on the earth).
    private static func projection(srsID: Int, organization: String?, code: Int?) throws -> Projection? {
        if srsID == 0 || srsID == 4326 { return nil }
        guard srsID != -1 else { throw ImportError.badMapping("the geometry column's SRS is undefined Cartesian (-1); reproject the GeoPackage to a known SRS first") }
        let authority = (organization ?? "EPSG").uppercased()
        let id = code ?? srsID
        if authority == "EPSG", id == 4326 { return nil }
        return try Projection(from: "\(authority):\(id)", to: "EPSG:4326")
    }
}
