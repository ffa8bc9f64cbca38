import QadamGeo
import QadamContract

/// Checks one feature's geometry against its layer and repairs invalid polygons.
enum GeometryCheck {
    enum Outcome {
        /// Usable as is (nil only for layers that allow missing geometry).
        case ok(Geometry?)
        /// Was invalid, `makeValid` fixed it; `reason` is GEOS's description of the defect.
        case repaired(Geometry, reason: String)
        case rejected(String)
        /// No geometry where the layer allows none (a polycentre without boundary).
        case missingAllowed
    }

    static func check(_ feature: SourceFeature, shape: GeometryShape) -> Outcome {
        if let problem = feature.geometryProblem { return .rejected("unreadable geometry: \(problem)") }
        guard let g = feature.geometry else {
            return shape.allowsMissingGeometry ? .missingAllowed : .rejected("missing geometry")
        }
        guard !g.isEmpty else { return .rejected("empty geometry") }
        guard fits(g.kind, shape) else {
            return .rejected("a \(g.kind) cannot go in this layer (expects \(expected(shape)))")
        }
        if let p = boundsProblem(g.envelope) { return .rejected(p) }
        if g.isValid { return .ok(g) }
        let reason = g.invalidityReason ?? "invalid geometry"
        do {
            let fixed = try g.makeValid()
            guard fixed.isValid, !fixed.isEmpty, fits(fixed.kind, shape) else {
                return .rejected("invalid geometry (\(reason)); makeValid gave a \(fixed.kind) that does not fit")
            }
            return .repaired(fixed, reason: reason)
        } catch {
            return .rejected("invalid geometry (\(reason)); makeValid failed: \(error)")
        }
    }

    private static func fits(_ kind: GeometryKind, _ shape: GeometryShape) -> Bool {
        switch shape {
        case .point: return kind == .point
        case .pointOrCell: return kind == .point || kind.isPolygonal
        case .polygonal, .optionalPolygonal: return kind.isPolygonal
        case .linear: return kind == .lineString || kind == .multiLineString
        }
    }

    private static func expected(_ shape: GeometryShape) -> String {
        switch shape {
        case .point: return "Point"
        case .pointOrCell: return "Point, or Polygon/MultiPolygon (a grid cell, taken at its centroid)"
        case .polygonal, .optionalPolygonal: return "Polygon or MultiPolygon"
        case .linear: return "LineString or MultiLineString"
        }
    }

    private static func boundsProblem(_ e: BoundingBox) -> String? {
        CoordinateCheck.problem(lon: e.minX, lat: e.minY) ?? CoordinateCheck.problem(lon: e.maxX, lat: e.maxY)
    }
}
