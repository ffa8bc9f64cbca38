import QadamGeo
@testable import QadamNetwork
import Testing
import TestSupport
import QadamContract

@Suite("Snapping to the nearest usable edge")
struct SnappingTests {
    /// Brute force: every segment of every usable edge, same local plane.
    func bruteForceNearest(_ network: StreetNetwork, _ c: Coordinate, _ profile: TravelProfile) -> Double? {
        let g = network.graph, grid = network.segments
        let px = grid.plane.x(c.lon) - grid.originX, py = grid.plane.y(c.lat) - grid.originY
        var best: Double?
        for e in 0..<g.edgeCount where g.isUsable(edge: e, by: profile) {
            for i in Int(g.shapeStart[e])..<(Int(g.shapeStart[e + 1]) - 1) {
                let d = grid.project(px, py, segment: i, graph: g).1
                best = min(best ?? d, d)
            }
        }
        return best
    }

    @Test(arguments: [TravelProfile.walk, .wheelchair, .drive])
    func gridFindsTheSameDistanceAsBruteForce(profile: TravelProfile) {
        var rng = SplitMix64(seed: 314)
        for city in randomCities(count: 8, seed: 1) {
            let network = StreetNetwork(graph: city.graph())
            var box = city.boundingBox
            box = box.expanded(by: (box.maxX - box.minX) * 0.5)
            for point in randomPoints(40, in: box, using: &rng) {
                let hit = network.segments.nearest(to: point, graph: network.graph) { network.graph.isUsable(edge: $0, by: profile) }
                let brute = bruteForceNearest(network, point, profile)
                #expect(hit?.planarDistance == brute)
            }
        }
    }

    /// Points far outside the network (settlements hundreds of kilometres from a city's
    /// streets) take the block-by-block search; it must find the same distance.
    @Test(arguments: [TravelProfile.walk, .drive])
    func farPointsFindTheSameDistanceAsBruteForce(profile: TravelProfile) {
        var rng = SplitMix64(seed: 2718)
        for _ in 0..<3 {
            // Large enough for dozens of blocks of cells, with holes where streets are missing.
            var city = SyntheticCity(rows: Int.random(in: 40...80, using: &rng), columns: Int.random(in: 40...80, using: &rng), seed: rng.next())
            city.missingShare = Double.random(in: 0...0.3, using: &rng)
            let network = StreetNetwork(graph: city.graph())
            #expect(network.segments.occupiedBlocks.count > 9)
            let box = city.boundingBox
            for scale in [3.0, 20.0, 200.0] {
                let far = box.expanded(by: (box.maxX - box.minX) * scale)
                for point in randomPoints(30, in: far, using: &rng) {
                    let hit = network.segments.nearest(to: point, graph: network.graph) { network.graph.isUsable(edge: $0, by: profile) }
                    #expect(hit?.planarDistance == bruteForceNearest(network, point, profile))
                }
            }
        }
    }

    @Test func snapLimitAndFraction() throws {
        let network = StreetNetwork(graph: SyntheticCity(rows: 4, columns: 4, seed: 8).graph())
        let g = network.graph
        let e = (0..<g.edgeCount).first { g.isUsable(edge: $0, by: .walk) }!
        let onEdge = network.edgePiece(e, from: 0, to: 0.25).last!
        let location = try #require(network.locate(onEdge, profile: .walk).value)
        #expect(location.edge == e || g.edgeLength[location.edge] == 0 || location.offNetworkMetres < 1e-6)
        if location.edge == e { #expect(abs(location.fraction - 0.25) < 1e-6) }
        #expect(location.offNetworkMetres < 1e-3)
        let tight = SnapOptions(maxDistanceMetres: 1)
        let away = Coordinate(lon: onEdge.lon, lat: onEdge.lat + 30 / NetworkMetric.metresPerDegree)
        if case .unreachable(.offNetwork(let d)) = network.locate(away, profile: .walk, options: tight) {
            #expect(d > 1 && d <= 30.01)
        } else {
            Issue.record("expected offNetwork with a 1 m limit")
        }
    }
}
