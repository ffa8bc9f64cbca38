import QadamMeasures
import QadamGeo
import QadamNetwork
import QadamEngine
import Testing
import TestSupport
import QadamContract

/// The network travel-cost seam against its obviously-correct reference: one routed
/// shortest path per (home, facility) pair on small synthetic cities.
@Suite struct TravelCostFactoryTests {
    static func randomPoints(_ n: Int, in box: BoundingBox, rng: inout SplitMix64) -> [Coordinate] {
        (0..<n).map { _ in Coordinate(lon: Double.random(in: box.minX...box.maxX, using: &rng),
                                      lat: Double.random(in: box.minY...box.maxY, using: &rng)) }
    }

    @Test(arguments: [(TravelProfile.walk, CostUnit.metres, 900.0), (.walk, .seconds, 600), (.wheelchair, .metres, 700),
                      (.drive, .seconds, 90), (.drive, .metres, 1500)])
    func sparseRowsEqualPerPairRoutes(profile: TravelProfile, unit: CostUnit, horizon: Double) throws {
        for seed in UInt64(1)...4 {
            let city = SyntheticCity(rows: 12, columns: 12, seed: seed)
            let network = StreetNetwork(graph: city.graph())
            var rng = SplitMix64(seed: seed * 977)
            let homes = Self.randomPoints(25, in: city.boundingBox, rng: &rng)
                .enumerated().map { DemandSite(id: "d\($0.offset)", population: 1, location: $0.element) }
            let facilities = Self.randomPoints(6, in: city.boundingBox, rng: &rng)
                .enumerated().map { SupplySite(id: "f\($0.offset)", capacity: 1, location: $0.element) }
            let built = try TravelCostFactory.build(network: network, demand: homes, supply: facilities,
                                                    spec: CostSpec(profile: profile, unit: unit, horizon: horizon))
            #expect(built.basis == .network)
            let search = NetworkSearch(network: network)
            let mode = TravelMode(profile: profile)
            for (i, home) in homes.enumerated() {
                var expected: [Int: Double] = [:]
                for (j, f) in facilities.enumerated() {
                    guard let route = search.route(from: home.location!, to: f.location!, mode: mode).value else { continue }
                    let cost = unit == .seconds ? route.measure.seconds : route.measure.metres
                    if cost <= horizon { expected[j] = cost }
                }
                let row = built.costs.reachable(from: i, within: horizon)
                #expect(Set(row.map(\.supply)) == Set(expected.keys), "seed \(seed) home \(i)")
                for r in row {
                    let e = expected[r.supply] ?? .nan
                    #expect(abs(r.cost - e) <= 1e-9 * max(1, e), "seed \(seed) home \(i) facility \(r.supply): \(r.cost) vs \(e)")
                }
            }
        }
    }

    @Test func offNetworkPointsAreReportedAndEstimatesSaySo() throws {
        let city = SyntheticCity(rows: 6, columns: 6, seed: 3)
        let network = StreetNetwork(graph: city.graph())
        let far = Coordinate(lon: city.origin.lon - 0.5, lat: city.origin.lat)
        let inside = Coordinate(lon: city.boundingBox.minX + 0.001, lat: city.boundingBox.minY + 0.001)
        let homes = [DemandSite(id: "far", population: 1, location: far), DemandSite(id: "in", population: 1, location: inside)]
        let school = [SupplySite(id: "s", capacity: 1, location: inside)]
        let spec = CostSpec(profile: .walk, unit: .metres, horizon: 1000)
        let built = try TravelCostFactory.build(network: network, demand: homes, supply: school, spec: spec)
        #expect(built.unplaced.map(\.id) == ["far"] && built.unplaced[0].side == .demand)
        #expect(built.costs.reachable(from: 0, within: .infinity).isEmpty)
        let estimated = try TravelCostFactory.build(network: nil, demand: homes, supply: school, spec: spec)
        #expect(estimated.basis == .estimated && estimated.detourFactor == 1.3)
        let straight = Geodesic.distance(far, inside)
        #expect(abs((estimated.costs.nearest(from: 0)?.cost ?? 0) - 1.3 * straight) < 1e-6)
    }
}
