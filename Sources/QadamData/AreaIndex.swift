import Foundation
import QadamGeo
import QadamContract

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
/// A packed R-tree over the points' Earth-centred (ECEF) x and y finds the answer best-first:
/// the plane distance between two points' (x, y) never exceeds the straight 3-D chord between
/// them, which never exceeds the geodesic along the ellipsoid, so the tree's box distances are
/// lower bounds and the geodesic refines each candidate (`PackedRTree.nearest`'s contract). A
/// lookup measures a handful of geodesics instead of every point.
public struct NearestPointIndex<Value: Sendable>: Sendable {
    private let points: [(point: Coordinate, value: Value)]
    private let tree: PackedRTree

    public init(_ points: [(point: Coordinate, value: Value)]) {
        self.points = points
        tree = PackedRTree(boxes: points.map { BoundingBox(point: Self.equatorialPlane($0.point)) })
    }

    /// The nearest value and its distance in metres; ties go to the earlier point.
    public func nearest(to c: Coordinate) -> (value: Value, distance: Double)? {
        let query = Self.equatorialPlane(c)
        let exact: (Int) -> Double = { Geodesic.distance(c, points[$0].point) }
        let two = tree.nearest(to: query, k: 2, itemDistance: exact)
        guard let first = two.first else { return nil }
        var winner = first.id
        if two.count == 2, two[1].distance == first.distance {
            // Points at exactly the same distance come back in tree order; the earliest one wins.
            winner = tree.nearest(to: query, k: points.count, maxDistance: first.distance, itemDistance: exact)
                .filter { $0.distance == first.distance }.map(\.id).min() ?? first.id
        }
        return (points[winner].value, first.distance)
    }

    /// The point's ECEF x and y (metres, WGS 84, on the ellipsoid), as the tree's plane.
    static func equatorialPlane(_ c: Coordinate) -> Coordinate {
        let a = 6_378_137.0, e2 = 0.006_694_379_990_14
        let phi = c.lat * .pi / 180, lambda = c.lon * .pi / 180
        let n = a / (1 - e2 * sin(phi) * sin(phi)).squareRoot()
        return Coordinate(lon: n * cos(phi) * cos(lambda), lat: n * cos(phi) * sin(lambda))
    }
}
