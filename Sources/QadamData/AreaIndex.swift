import QadamGeo

/// Polygons with values, answering "which polygons cover this point?".
///
/// A packed R-tree over the polygons' bounding boxes finds candidates; a prepared-geometry
/// test on each candidate decides.
public final class AreaIndex<Value: Sendable>: Sendable {
    private let tree: PackedRTree
    private let polygons: [PreparedGeometry]
    private let values: [Value]

    public init(_ items: [(polygon: Geometry, value: Value)]) {
        tree = PackedRTree(boxes: items.map(\.polygon.envelope))
        polygons = items.map { $0.polygon.prepared() }
        values = items.map(\.value)
    }

    public var count: Int { values.count }

    /// Values whose polygon covers `point` (boundary included), in insertion order.
    public func covering(_ point: Coordinate) -> [Value] {
        tree.containing(point: point).sorted().filter { polygons[$0].covers(point) }.map { values[$0] }
    }
}

/// Points with values, answering "which is nearest to this point?" by geodesic distance.
///
/// Linear: every point is measured geodesically, which thousands of settlements take
/// milliseconds for. (`PackedRTree.nearest` works in the plane of its boxes, so using it here
/// would need a projected copy of the points and a geodesic refinement.)
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
