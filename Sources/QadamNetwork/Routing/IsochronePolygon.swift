import QadamGeo
import QadamContract

extension ReachedNetwork {
    /// The isochrone as an area: the reached pieces and the origin point buffered by `bufferMetres` and dissolved, in WGS 84.
    ///
    /// Buffering happens in the UTM zone of the origin so the buffer is in metres; the
    /// default 50 m stands for the frontage a walker reaches beside a street.
    public func polygon(bufferMetres: Double = 50, quadrantSegments: Int = 4) throws -> Geometry {
        let utm = try Projection.utm(for: origin)
        // Each piece is buffered on its own and the buffers dissolved by a cascaded union:
        // GEOS buffering the whole collection at once nodes every piece against every other
        // and takes seconds for a 10-minute walk in a city centre.
        let lines = try pieces.map { piece in try Geometry.lineString(piece.map { try utm.forward($0) }) }
        let buffers = try (lines + [Geometry.point(try utm.forward(origin))]).map {
            try $0.buffer(bufferMetres, quadrantSegments: quadrantSegments)
        }
        let area = try Geometry.collection(.geometryCollection, buffers).unaryUnion()
        return try area.transformed { x, y in
            let c = try utm.inverse(Coordinate(lon: x, lat: y))
            x = c.lon; y = c.lat
        }
    }
}
