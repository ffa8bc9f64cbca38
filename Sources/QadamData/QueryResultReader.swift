import QadamGeo

/// Reads a query result into `SourceFeature`s: EWKB geometries in any SRID come out in WGS 84
/// (PROJ, one transformation per SRID), checked against EPSG:4326 bounds like a CSV's WKT.
enum QueryResultReader {
    static func read(_ result: QueryResult) -> SourceDocument {
        var transforms = SRIDTransforms()
        let geometryField = result.geometryColumn ?? "geometry"
        let features = result.rows.enumerated().map { i, row in
            var feature = SourceFeature(number: i + 1, properties: row.properties, geometry: nil,
                                        geometryProblem: nil, geometryField: geometryField)
            if let ewkb = row.ewkb {
                do {
                    let read = try Geometry(wkb: ewkb)
                    feature.declaredType = read.kind.description
                    let g = try transforms.toWGS84(read)
                    if let problem = CoordinateCheck.problem(envelopeOf: g) {
                        feature.geometryProblem = problem
                    } else {
                        feature.geometry = g
                    }
                } catch {
                    feature.geometryProblem = "\(error)"
                }
            }
            return feature
        }
        var document = SourceDocument(file: result.source, format: .postgis, features: features,
                                      fieldNames: Set(result.columns.filter { $0 != result.geometryColumn }))
        document.columns = result.columns
        if result.geometryColumn == nil {
            document.missingGeometryColumns = "the query returns no geometry column; its columns are \(result.columns.joined(separator: ", "))"
        }
        return document
    }
}

/// One PROJ transformation to WGS 84 per SRID met; SRID 0 (none given) is taken as WGS 84, and
/// projected coordinates in it then fail the bounds check with their values.
private struct SRIDTransforms {
    private var cache: [Int: Projection] = [:]

    mutating func toWGS84(_ g: Geometry) throws -> Geometry {
        let srid = g.srid
        guard srid != 0, srid != 4326 else { return g }
        if let projection = cache[srid] { return try projection.forward(g) }
        let projection: Projection
        do {
            projection = try Projection(from: "EPSG:\(srid)", to: "EPSG:4326")
        } catch let e as GeometryError {
            throw GeometryError("SRID \(srid) cannot be transformed to WGS 84: \(e.message)")
        }
        cache[srid] = projection
        return try projection.forward(g)
    }
}
