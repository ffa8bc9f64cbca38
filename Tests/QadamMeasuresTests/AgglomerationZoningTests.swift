import Testing
import QadamGeo
import QadamMeasures
import QadamContract

@Suite struct AgglomerationZoningTests {
    private let almaty = AgglomerationCore(id: "almaty", name: "Алматы", location: Coordinate(lon: 76.9286, lat: 43.2567))

    @Test func settlementsFallInTheInnermostZoneThatReachesThem() throws {
        let distances: [Double] = [10_000, 44_999, 45_001, 70_000, 89_000, 120_000]
        let settlements = distances.enumerated().map { k, d in
            DemandSite(id: "s\(k)", population: Double(1_000 * (k + 1)),
                       location: Geodesic.destination(from: almaty.location, azimuth: Double(60 * k), distance: d))
        }
        let r = try AgglomerationZoning.zone(settlements: settlements, cores: [almaty])
        #expect(r.settlements.map(\.zone) == ["intensive", "intensive", "active", "active", "weak", nil])
        #expect(r.summary.map(\.settlements) == [2, 2, 1, 1])
        #expect(r.summary.map(\.population) == [3_000, 7_000, 5_000, 6_000])
        #expect(r.basis == "estimated")
        let first = r.settlements[0]
        #expect(abs(first.straightLineMetres - 10_000) < 1e-3)
        #expect(abs(first.estimatedRoadMetres - 13_000) < 1e-3)
        #expect(abs(first.estimatedTravelSeconds - 13_000 / (60 / 3.6)) < 1e-3)
    }

    /// The daemon zones once per snapshot and then only counts a request's members with
    /// `summary(rings:members:)`; held here to a plain filter per zone over `zone()`'s own
    /// zoning of just those members, on random settlements and member subsets.
    @Test func countingKeptZonesEqualsZoningTheMembersAgain() throws {
        var random = SplitMix64(seed: 5)
        for _ in 0..<50 {
            let settlements = (0..<Int(random.next() % 300)).map { k in
                DemandSite(id: "s\(k)", population: Double(random.next() % 5_000) / 3,
                           location: Geodesic.destination(from: almaty.location, azimuth: Double(random.next() % 360),
                                                          distance: Double(random.next() % 150_000)))
            }
            let all = try AgglomerationZoning.zone(settlements: settlements, cores: [almaty])
            let ringOf = all.settlements.map { z in all.zones.firstIndex { $0.name == z.zone } }
            let members = settlements.indices.filter { _ in random.next() % 3 != 0 }
            let counted = AgglomerationZoning.summary(rings: all.zones, members: members.map { (ringOf[$0], settlements[$0].population) })

            let again = try AgglomerationZoning.zone(settlements: members.map { settlements[$0] }, cores: [almaty])
            let reference = (all.zones.map { Optional($0.name) } + [nil]).map { name in
                let inZone = again.settlements.filter { $0.zone == name }
                return ZoneSummary(zone: name, settlements: inZone.count, population: inZone.reduce(0) { $0 + $1.population })
            }
            #expect(counted == reference)
            #expect(again.summary == reference)
        }
    }

    @Test func nearestOfSeveralCoresDecides() throws {
        let konaev = AgglomerationCore(id: "konaev", location: Geodesic.destination(from: almaty.location, azimuth: 0, distance: 100_000))
        let village = DemandSite(id: "v", population: 10,
                                 location: Geodesic.destination(from: almaty.location, azimuth: 0, distance: 80_000))
        let r = try AgglomerationZoning.zone(settlements: [village], cores: [almaty, konaev])
        #expect(r.settlements[0].nearestCoreId == "konaev" && r.settlements[0].zone == "intensive")
    }

    @Test func missingLocationIsReported() {
        #expect(throws: AccessError.missingLocation(site: "settlement", index: 0, id: "x")) {
            try AgglomerationZoning.zone(settlements: [DemandSite(id: "x", population: 1)], cores: [almaty])
        }
    }

    @Test func straightLineCostsAreLabelledEstimatesOfRoadDistance() throws {
        let d = DemandSite(id: "d", population: 1, location: almaty.location)
        let s = SupplySite(id: "s", capacity: 1, location: Geodesic.destination(from: almaty.location, azimuth: 90, distance: 17_000))
        let metres = try StraightLineTravelCosts(demand: [d], supply: [s], unit: .metres)
        #expect(abs(metres.nearest(from: 0)!.cost - 17_000 * 1.3) < 1e-3)
        #expect(metres.reachable(from: 0, within: 20_000).isEmpty)
        let seconds = try StraightLineTravelCosts(demand: [d], supply: [s], unit: .seconds, estimate: RoadEstimate(detourFactor: 1.2, speedKmh: 40))
        #expect(abs(seconds.nearest(from: 0)!.cost - 17_000 * 1.2 / (40 / 3.6)) < 1e-3)
    }
}
