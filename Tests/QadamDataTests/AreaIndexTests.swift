import QadamData
import QadamGeo
import Testing

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

    @Test func nearestMatchesSortingAllDistances() {
        var rng = SplitMix64(seed: 9)
        func uniform(_ lo: Double, _ hi: Double) -> Double { lo + (hi - lo) * Double(rng.next() % 1_000_000) / 1_000_000 }
        let points = (0..<200).map { _ in Coordinate(lon: uniform(50, 85), lat: uniform(40, 55)) }
        let index = NearestPointIndex(points.enumerated().map { (point: $0.element, value: $0.offset) })
        for _ in 0..<100 {
            let q = Coordinate(lon: uniform(50, 85), lat: uniform(40, 55))
            let reference = points.indices.min { a, b in Geodesic.distance(q, points[a]) < Geodesic.distance(q, points[b]) }
            #expect(index.nearest(to: q)?.value == reference)
        }
    }
}
