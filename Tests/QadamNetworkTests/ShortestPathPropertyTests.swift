import QadamGeo
@testable import QadamNetwork
import Testing
import TestSupport
import QadamContract

@Suite("Shortest paths agree with textbook Dijkstra")
struct ShortestPathPropertyTests {
    static let modes: [TravelMode] = [.walk, .wheelchair, .drive, TravelMode(profile: .walk, speedKmh: 3.1)]

    @Test(arguments: modes)
    func oneToAllAndPointToPointMatchReference(mode: TravelMode) {
        var rng = SplitMix64(seed: 42)
        for city in randomCities(count: 12, seed: 7) {
            let network = StreetNetwork(graph: city.graph())
            let search = NetworkSearch(network: network)
            let points = randomPoints(6, in: city.boundingBox, using: &rng)
            let snap = SnapOptions(maxDistanceMetres: 10_000)
            let locations = points.compactMap { network.locate($0, profile: mode.profile, options: snap).value }
            guard locations.count >= 2 else { continue }
            let reference = ReferenceShortestPaths(graph: network.graph, mode: mode, locations: locations)
            for (i, origin) in locations.enumerated() {
                search.run(from: origin, mode: mode)
                let expected = reference.dijkstra(from: reference.inputNode[i])
                for v in 0..<network.graph.vertexCount {
                    #expect(close(search.seconds(toVertex: v), expected.seconds[v]), "vertex \(v) in \(city)")
                }
                for (j, target) in locations.enumerated() where j != i {  // to itself, both legs count
                    let want = expected.seconds[reference.inputNode[j]]
                    switch search.measure(to: target) {
                    case .reached(let m):
                        #expect(close(m.seconds, want), "\(i)->\(j): \(m.seconds) vs \(want)")
                    case .unreachable(let reason):
                        #expect(want == .infinity, "\(i)->\(j) unreachable (\(reason)) but reference says \(want)")
                        #expect(reason == .differentComponent || reason == .noDirectedPath)
                    }
                }
            }
        }
    }

    @Test func routeGeometryFollowsTheMeasuredLength() throws {
        let city = SyntheticCity(rows: 20, columns: 20, seed: 3)
        let network = StreetNetwork(graph: city.graph())
        let search = NetworkSearch(network: network)
        var rng = SplitMix64(seed: 9)
        var checked = 0
        for _ in 0..<30 {
            let pts = randomPoints(2, in: city.boundingBox, using: &rng)
            guard case .reached(let route) = search.route(from: pts[0], to: pts[1], mode: .walk,
                                                          snap: SnapOptions(largestComponentOnly: true)) else { continue }
            #expect(route.coordinates.first == pts[0])
            #expect(route.coordinates.last == pts[1])
            let drawn = zip(route.coordinates, route.coordinates.dropFirst()).reduce(0.0) { $0 + NetworkMetric.distance($1.0, $1.1) }
            #expect(close(drawn, route.measure.metres, relative: 1e-4), "drawn \(drawn) vs measured \(route.measure.metres)")
            #expect(close(route.measure.seconds, route.measure.metres * 3.6 / 4.8, relative: 1e-6))
            checked += 1
        }
        #expect(checked > 20)
    }

    /// Rows come from full one-to-all searches; single routes stop early at their target.
    @Test(arguments: [120.0, .infinity])
    func matrixRowsEqualSingleSearches(limit: Double) {
        let city = SyntheticCity(rows: 10, columns: 14, seed: 11)
        let network = StreetNetwork(graph: city.graph())
        var rng = SplitMix64(seed: 5)
        let origins = randomPoints(5, in: city.boundingBox, using: &rng)
        let destinations = randomPoints(7, in: city.boundingBox, using: &rng) + [Coordinate(lon: 80, lat: 50)]
        let search = NetworkSearch(network: network), single = NetworkSearch(network: network)
        var rows = 0
        search.matrix(origins: origins, destinations: destinations, mode: .drive, limitSeconds: limit) { i, row in
            rows += 1
            #expect(row.count == destinations.count)
            #expect(row.last?.reason.map { if case .offNetwork = $0 { true } else { false } } == true)
            for (j, cell) in row.enumerated().dropLast() {
                let direct = single.route(from: origins[i], to: destinations[j], mode: .drive, limitSeconds: limit)
                #expect(cell.value.map(\.seconds) == direct.value?.measure.seconds)
                #expect(cell.reason == direct.reason)
            }
        }
        #expect(rows == origins.count)
    }

    @Test func farPointIsOffNetworkWithItsDistance() {
        let network = StreetNetwork(graph: SyntheticCity(rows: 5, columns: 5, seed: 1).graph())
        let far = Coordinate(lon: 76.88, lat: 43.10)  // ~13 km south of the city
        guard case .unreachable(.offNetwork(let d)) = network.locate(far, profile: .walk) else {
            Issue.record("expected offNetwork"); return
        }
        #expect(d > 12_000 && d < 14_000)
    }
}
