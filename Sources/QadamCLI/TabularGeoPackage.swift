import Foundation
import QadamData
import QadamGeo

/// A result table as a GeoPackage layer: the same rows and columns the other formats print,
/// each row's GeoJSON geometry (if any) as its feature geometry, numbers kept as numbers.
enum TabularGeoPackage {
    static func write(_ layers: [GeoPackageWriter.Layer], to path: String) throws {
        do {
            try GeoPackageWriter.write(layers, to: URL(fileURLWithPath: path))
        } catch let e as DatabaseError {
            throw CLIError("cannot write the GeoPackage \(path): \(e.message)", exitCode: .dataError)
        }
    }
}

extension Tabular {
    func geoPackageLayer(named name: String) throws -> GeoPackageWriter.Layer {
        let values = rows.map { row in
            row.map { cell -> GeoPackageWriter.Layer.Value in
                switch cell {
                case .text(let s): return .text(s)
                case .integer(let i): return .integer(i)
                case .number(let d, _, _): return .real(d)
                case .missing: return .null
                }
            }
        }
        let shapes = try rows.indices.map { i -> Geometry? in
            guard i < geometries.count, let text = geometries[i] else { return nil }
            do { return try Geometry(geoJSON: text) } catch {
                throw CLIError("row \(i + 1) of the answer has a geometry GEOS cannot read: \(error)", exitCode: .dataError)
            }
        }
        return GeoPackageWriter.Layer(name: name, columns: columns, rows: values, geometries: shapes)
    }
}
