import QadamGeo

extension ReachedNetwork {
    /// The isochrone as an area: the reached pieces and the origin point buffered by `bufferMetres` and dissolved, in WGS 84.
    ///
    /// Buffering happens in the UTM zone of the origin so the buffer is in metres; the
    /// default 50 m stands for the frontage a walker reaches beside a street.
    public func polygon(bufferMetres: Double = 50, quadrantSegments: Int = 4) throws -> Geometry {
        let utm = try Projection.utm(for: origin)
        let lines = try pieces.map { piece in try Geometry.lineString(piece.map { try utm.forward($0) }) }
        let reached = try Geometry.collection(.geometryCollection, lines + [Geometry.point(try utm.forward(origin))])
        let area = try reached.buffer(bufferMetres, quadrantSegments: quadrantSegments)
        return try area.transformed { x, y in
            let c = try utm.inverse(Coordinate(lon: x, lat: y))
            x = c.lon; y = c.lat
        }
    }
}
