import QadamData
import QadamGeo
import Testing
import QadamContract

/// The index against the obvious reference: test every polygon without bounding boxes.
@Suite("Area and nearest-point indexes")
struct AreaIndexTests {
    @Test func coveringMatchesTestingEveryPolygon() throws {
        var rng = SplitMix64(seed: 3)
        func uniform(_ lo: Double, _ hi: Double) -> Double { lo + (hi - lo) * Double(rng.next() % 1_000_000) / 1_000_000 }
        var polygons: [Geometry] = []
        for _ in 0..<40 {
            let x = uniform(70, 80), y = uniform(40, 50), w = uniform(0.1, 3), h = uniform(0.1, 3)
            polygons.append(try Geometry.polygon([Coordinate(lon: x, lat: y), Coordinate(lon: x + w, lat: y),
                                                  Coordinate(lon: x + w / 2, lat: y + h), Coordinate(lon: x, lat: y)]))
        }
        let index = AreaIndex(polygons.enumerated().map { ($0.element, $0.offset) })
        for _ in 0..<500 {
            let p = Coordinate(lon: uniform(69, 84), lat: uniform(39, 54))
            let reference = polygons.indices.filter { polygons[$0].covers(.point(p)) }
            #expect(index.covering(p) == reference)
        }
    }

    /// The reference: measure every point, keep the first of the closest.
    static func linearNearest(_ points: [Coordinate], _ q: Coordinate) -> (index: Int, distance: Double)? {
        var best: (index: Int, distance: Double)?
        for (i, p) in points.enumerated() {
            let d = Geodesic.distance(q, p)
            if best == nil || d < best!.distance { best = (i, d) }
        }
        return best
    }

    /// Kazakh-like clusters, the whole globe (poles, the antimeridian, the other hemisphere),
    /// and repeated points for exact ties.
    @Test(arguments: [(seed: UInt64(9), scope: "kazakhstan"), (seed: 10, scope: "globe"), (seed: 11, scope: "ties")])
    func nearestMatchesMeasuringEveryPoint(seed: UInt64, scope: String) {
        var rng = SplitMix64(seed: seed)
        func uniform(_ lo: Double, _ hi: Double) -> Double { lo + (hi - lo) * Double(rng.next() % 1_000_000) / 1_000_000 }
        func point() -> Coordinate {
            scope == "globe" ? Coordinate(lon: uniform(-180, 180), lat: uniform(-90, 90))
                : Coordinate(lon: uniform(50, 85), lat: uniform(40, 55))
        }
        var points = (0..<300).map { _ in point() }
        if scope == "ties" { points += points.shuffled(using: &rng).prefix(100) }
        let index = NearestPointIndex(points.enumerated().map { (point: $0.element, value: $0.offset) })
        for round in 0..<300 {
            // Every third query sits on a point, so the tie and zero-distance paths run too.
            let q = round % 3 == 0 ? points[Int(rng.next() % UInt64(points.count))] : point()
            let reference = Self.linearNearest(points, q)
            let found = index.nearest(to: q)
            #expect(found?.value == reference?.index, "query \(q)")
            #expect(found?.distance == reference?.distance)
        }
    }

    @Test func emptyIndexHasNoNearest() {
        #expect(NearestPointIndex<Int>([]).nearest(to: Coordinate(lon: 76.9, lat: 43.2)) == nil)
    }
}
