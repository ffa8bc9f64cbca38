import QadamGeo

/// Polygons with values, answering "which polygons cover this point?".
///
/// A linear scan over bounding boxes, then a prepared-geometry test on the few candidates:
/// plenty for hundreds of districts. It is the one place to swap in a packed R-tree
/// (`PackedRTree` in QadamGeo) when layers grow.
public final class AreaIndex<Value: Sendable>: Sendable {
    private struct Entry: Sendable {
        let box: BoundingBox
        let polygon: PreparedGeometry
        let value: Value
    }

    private let entries: [Entry]

    public init(_ items: [(polygon: Geometry, value: Value)]) {
        entries = items.map { Entry(box: $0.polygon.envelope, polygon: $0.polygon.prepared(), value: $0.value) }
    }

    public var count: Int { entries.count }

    /// Values whose polygon covers `point` (boundary included), in insertion order.
    public func covering(_ point: Coordinate) -> [Value] {
        entries.filter { $0.box.contains(point) && $0.polygon.covers(point) }.map(\.value)
    }
}

/// Points with values, answering "which is nearest to this point?" by geodesic distance.
///
/// Linear: every point is measured. Thousands of settlements take milliseconds per query.
public struct NearestPointIndex<Value: Sendable>: Sendable {
    private let points: [(point: Coordinate, value: Value)]

    public init(_ points: [(point: Coordinate, value: Value)]) { self.points = points }

    /// The nearest value and its distance in metres; ties go to the earlier point.
    public func nearest(to c: Coordinate) -> (value: Value, distance: Double)? {
        var best: (value: Value, distance: Double)?
        for p in points {
            let d = Geodesic.distance(c, p.point)
            if best == nil || d < best!.distance { best = (p.value, d) }
        }
        return best
    }
}
