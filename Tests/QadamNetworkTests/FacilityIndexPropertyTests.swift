import QadamGeo
@testable import QadamNetwork
import Testing
import TestSupport

@Suite("Multi-source nearest and k-nearest agree with brute force")
struct FacilityIndexPropertyTests {
    @Test(arguments: [TravelMode.walk, .wheelchair, .drive], [1, 3])
    func kNearestEqualsBruteForce(mode: TravelMode, k: Int) {
        var rng = SplitMix64(seed: 2024 + UInt64(k))
        var compared = 0
        for city in randomCities(count: 10, seed: 99) {
            let network = StreetNetwork(graph: city.graph())
            let snap = SnapOptions(maxDistanceMetres: 10_000)
            let facilityPoints = randomPoints(Int.random(in: 1...8, using: &rng), in: city.boundingBox, using: &rng)
            let index = FacilityIndex(network: network, facilities: facilityPoints, mode: mode, k: k, snap: snap)
            let facilityLocations = index.facilityLocations.compactMap(\.value)
            let facilityOf = index.facilityLocations.indices.filter { index.facilityLocations[$0].value != nil }
            for origin in randomPoints(6, in: city.boundingBox, using: &rng) {
                guard let location = network.locate(origin, profile: mode.profile, options: snap).value else { continue }
                let reference = ReferenceShortestPaths(graph: network.graph, mode: mode, locations: [location] + facilityLocations)
                let tree = reference.dijkstra(from: reference.inputNode[0])
                let brute = facilityLocations.indices
                    .map { (facility: facilityOf[$0], seconds: tree.seconds[reference.inputNode[$0 + 1]]) }
                    .filter { $0.seconds.isFinite }
                    .sorted { ($0.seconds, $0.facility) < ($1.seconds, $1.facility) }
                switch index.nearest(to: location) {
                case .reached(let hits):
                    let expected = Array(brute.prefix(k))
                    #expect(hits.count == expected.count)
                    for (hit, want) in zip(hits, expected) {
                        #expect(close(hit.measure.seconds, want.seconds), "\(hit) vs \(want)")
                    }
                    // Same sets unless two facilities tie at the cut.
                    let cutTie = brute.count > k && close(brute[k - 1].seconds, brute[k].seconds, relative: 1e-9)
                    if !cutTie { #expect(Set(hits.map(\.facility)) == Set(expected.map(\.facility))) }
                    compared += 1
                case .unreachable(let reason):
                    #expect(brute.isEmpty, "unreachable (\(reason)) but brute force finds \(brute)")
                }
            }
        }
        #expect(compared > 20)
    }

    @Test func facilityOnTheOriginEdgeIsFoundDirectly() throws {
        let network = StreetNetwork(graph: SyntheticCity(rows: 6, columns: 6, seed: 4).graph())
        let g = network.graph
        let e = (0..<g.edgeCount).first { g.isUsable(edge: $0, by: .walk) && g.edgeLength[$0] > 50 }!
        let a = network.edgePiece(e, from: 0, to: 0.2).last!, b = network.edgePiece(e, from: 0, to: 0.7).last!
        let index = FacilityIndex(network: network, facilities: [b], mode: .walk)
        let hit = try #require(index.nearest(to: a).value?.first)
        #expect(close(hit.measure.metres, Double(g.edgeLength[e]) * 0.5, relative: 1e-3))
    }
}
