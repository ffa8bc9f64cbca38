import Testing
import PropertyBased
import QadamMeasures
import TestSupport

/// The textbook two steps as a double loop over every (facility, site) pair of the matrix.
private func textbookRatios(_ s: Scenario, decay: DistanceDecay) -> (facility: [Double?], site: [Double]) {
    let facility: [Double?] = s.supply.indices.map { j in
        var catchment = 0.0
        for i in s.demand.indices { if let c = within(s, i, j) { catchment += s.demand[i].demand * decay.weight(at: c) } }
        return catchment > 0 ? s.supply[j].capacity / catchment : nil
    }
    let site = s.demand.indices.map { i in
        var sum = 0.0
        for j in s.supply.indices { if let c = within(s, i, j), let r = facility[j] { sum += r * decay.weight(at: c) } }
        return sum
    }
    return (facility, site)
}

private let decays: [DistanceDecay] = [
    .uniform,
    .steps([DecayBand(upTo: 20, weight: 1), DecayBand(upTo: 50, weight: 0.68), DecayBand(upTo: 100, weight: 0.22)]),
    .power(exponent: 1.5, minimumCost: 5),
    .gaussian(bandwidth: 40),
]

@Suite struct FloatingCatchmentTests {
    @Test(arguments: decays)
    func twoPassesMatchTheTextbookDoubleLoop(decay: DistanceDecay) async {
        await propertyCheck(count: 150, input: Gen.int(in: 0...Int.max)) { seed in
            var rng = seeded(seed)
            let s = randomScenario(using: &rng)
            let r = try! FloatingCatchment.measure(demand: s.demand, supply: s.supply, costs: s.costs, cutoff: s.cutoff,
                                                   decay: decay, groupBy: [GroupKey.district])
            let reference = textbookRatios(s, decay: decay)
            for (a, b) in zip(r.facilities.map(\.ratio), reference.facility) { #expect(close(a, b)) }
            for (a, b) in zip(r.sites.map(\.ratio), reference.site) { #expect(close(a, b)) }
            // Supply is neither created nor lost: Σ demand × ratio = capacity of facilities with
            // anyone in their catchment.
            let served = r.facilities.filter { $0.ratio != nil }.reduce(0) { $0 + $1.capacity }
            #expect(close(r.sites.reduce(0) { $0 + $1.demand * $1.ratio }, served, tolerance: 1e-7))
            for g in r.groups {
                let members = s.demand.indices.filter { s.demand[$0].groups[GroupKey.district] == g.value }
                let d = members.reduce(0) { $0 + s.demand[$1].demand }
                let w = members.reduce(0) { $0 + s.demand[$1].demand * reference.site[$1] }
                #expect(close(g.meanRatio, d > 0 ? w / d : nil))
            }
        }
    }

    @Test func handCheckedTwoStepFloatingCatchment() throws {
        // One school of 100 seats reached by two villages of 300 and 100 children: 0.25 seats each.
        let demand = [DemandSite(id: "a", population: 300), DemandSite(id: "b", population: 100),
                      DemandSite(id: "c", population: 50)]
        let costs = try DenseCostMatrix(unit: .metres, supplyCount: 1, costs: [[1_000], [2_000], [9_000]])
        let r = try FloatingCatchment.measure(demand: demand, supply: [SupplySite(id: "s", capacity: 100)],
                                              costs: costs, cutoff: 3_000)
        #expect(r.sites.map(\.ratio) == [0.25, 0.25, 0])
        #expect(r.parameters.method == .twoStepFloatingCatchment && r.parameters.decay == .uniform)
        #expect(throws: AccessError.self) {
            try FloatingCatchment.measure(demand: demand, supply: [SupplySite(id: "s", capacity: 100)], costs: costs,
                                          cutoff: 3_000, decay: .steps([DecayBand(upTo: 2, weight: 1), DecayBand(upTo: 1, weight: 1)]))
        }
    }
}
