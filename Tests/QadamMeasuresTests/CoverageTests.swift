import Testing
import PropertyBased
import QadamMeasures
import TestSupport
import QadamContract

/// Brute force: a site is covered if any matrix entry is within the cutoff.
private func referenceCovered(_ s: Scenario) -> [Bool] {
    s.demand.indices.map { i in s.supply.indices.contains { within(s, i, $0) != nil } }
}

@Suite struct CoverageTests {
    @Test func matchesBruteForceOnRandomScenarios() async {
        await propertyCheck(count: 200, input: Gen.int(in: 0...Int.max)) { seed in
            var rng = seeded(seed)
            let s = randomScenario(using: &rng)
            let r = try! Coverage.measure(demand: s.demand, supply: s.supply, costs: s.costs, cutoff: s.cutoff,
                                          groupBy: [GroupKey.district])
            let covered = referenceCovered(s)
            let inside = s.demand.indices.filter { covered[$0] }.reduce(0) { $0 + s.demand[$1].population }
            #expect(r.coveredPopulation == inside)
            #expect(r.uncoveredPopulation == r.totalPopulation - inside)
            #expect(Set(r.uncovered.map(\.index)) == Set(s.demand.indices.filter { !covered[$0] }))
            for (a, b) in zip(r.uncovered, r.uncovered.dropFirst()) {
                #expect(a.population > b.population || (a.population == b.population && a.id < b.id))
            }
            for u in r.uncovered {
                let nearest = s.supply.indices.compactMap { s.matrix[u.index][$0] }.min()
                #expect(u.nearestCost == nearest)
            }
            for g in r.groups {
                let members = s.demand.indices.filter { s.demand[$0].groups[GroupKey.district] == g.value }
                #expect(g.totalPopulation == members.reduce(0) { $0 + s.demand[$1].population })
                #expect(g.coveredPopulation == members.filter { covered[$0] }.reduce(0) { $0 + s.demand[$1].population })
            }
            #expect(r.groups.reduce(0) { $0 + $1.coveredPopulation } == r.coveredPopulation)
        }
    }

    @Test func villageSeventeenKilometresFromItsOnlyPolyclinicIsLeftOut() throws {
        let demand = [DemandSite(id: "terekty", name: "Теректы", population: 8_000),
                      DemandSite(id: "algabas", name: "Алгабас", population: 16_000),
                      DemandSite(id: "orbita", name: "Орбита", population: 30_000)]
        let costs = try DenseCostMatrix(unit: .metres, supplyCount: 1, costs: [[17_000], [12_000], [900]])
        let r = try Coverage.measure(demand: demand, supply: [SupplySite(id: "gp29", capacity: 500)], costs: costs,
                                     cutoff: 1_000, norm: "sp-rk-3.01-101-2013/polyclinic")
        #expect(r.coveredPopulation == 30_000)
        #expect(r.uncovered.map(\.id) == ["algabas", "terekty"])
        #expect(r.uncovered[1].nearestCost == 17_000 && r.uncovered[1].nearestSupplyId == "gp29")
        #expect(r.parameters == MeasureParameters(method: .coverage, unit: .metres, cutoff: 1_000,
                                                  norm: "sp-rk-3.01-101-2013/polyclinic"))
    }

    @Test func rejectsBadInputWithLocatedErrors() throws {
        let costs = try DenseCostMatrix(unit: .metres, supplyCount: 1, costs: [[1]])
        #expect(throws: AccessError.invalidDemand(index: 0, id: "x", field: "population", value: -1)) {
            try Coverage.measure(demand: [DemandSite(id: "x", population: -1)], supply: [SupplySite(id: "s", capacity: 1)],
                                 costs: costs, cutoff: 10)
        }
        #expect(throws: AccessError.missingGroup(site: "demand", index: 0, id: "x", key: "district")) {
            try Coverage.measure(demand: [DemandSite(id: "x", population: 1)], supply: [SupplySite(id: "s", capacity: 1)],
                                 costs: costs, cutoff: 10, groupBy: ["district"])
        }
        #expect(throws: AccessError.self) {
            try Coverage.measure(demand: [], supply: [SupplySite(id: "s", capacity: 1)], costs: costs, cutoff: 10)
        }
    }
}

@Suite struct TravelCostSourceTests {
    @Test func sparseRowsAnswerLikeTheDenseMatrix() async {
        await propertyCheck(count: 100, input: Gen.int(in: 0...Int.max)) { seed in
            var rng = seeded(seed)
            let s = randomScenario(using: &rng)
            let sparse = try! SparseCostRows(s.costs, horizon: 80)
            for i in s.demand.indices {
                #expect(sparse.reachable(from: i, within: s.cutoff) == s.costs.reachable(from: i, within: min(s.cutoff, 80)))
                var expected: ReachableSupply? = nil
                for j in s.supply.indices {
                    guard let c = s.matrix[i][j], c <= 80 else { continue }
                    if expected == nil || c < expected!.cost { expected = ReachableSupply(supply: j, cost: c) }
                }
                #expect(sparse.nearest(from: i) == expected)
            }
        }
    }

    @Test func sparseRowsRejectMalformedEntries() {
        #expect(throws: AccessError.invalidCost(row: 0, supply: 3, cost: 1, reason: "supply index out of range 0..<2")) {
            try SparseCostRows(unit: .seconds, supplyCount: 2, rows: [[ReachableSupply(supply: 3, cost: 1)]])
        }
        #expect(throws: AccessError.self) {
            try SparseCostRows(unit: .seconds, supplyCount: 2,
                               rows: [[ReachableSupply(supply: 1, cost: 1), ReachableSupply(supply: 1, cost: 2)]])
        }
    }

    @Test func costsAreDescribedAsPlannersReadThem() {
        #expect(CostUnit.metres.describe(17_000) == "17.0 km")
        #expect(CostUnit.metres.describe(450) == "450 m")
        #expect(CostUnit.seconds.describe(35 * 60) == "35 min")
        #expect(CostUnit.seconds.describe(85 * 60) == "1 h 25 min")
    }
}
