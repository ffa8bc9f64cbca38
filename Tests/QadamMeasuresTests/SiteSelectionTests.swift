import Testing
import PropertyBased
import Foundation
import QadamMeasures
import TestSupport

/// Population covered by a set of candidates (plus sites already covered), straight from the matrix.
private func coveredPopulation(_ s: Scenario, picks: [Int], alreadyCovered: [Bool]) -> Double {
    s.demand.indices.filter { i in alreadyCovered[i] || picks.contains { within(s, i, $0) != nil } }
        .reduce(0) { $0 + s.demand[$1].population }
}

/// Plain greedy: every round, rescore every candidate; ties to the lowest index.
private func bruteForceGreedy(_ s: Scenario, count: Int, alreadyCovered: [Bool]) -> [Int] {
    var picks: [Int] = []
    for _ in 0..<count {
        let current = coveredPopulation(s, picks: picks, alreadyCovered: alreadyCovered)
        var best: (gain: Double, c: Int)? = nil
        for c in s.supply.indices where !picks.contains(c) {
            let gain = coveredPopulation(s, picks: picks + [c], alreadyCovered: alreadyCovered) - current
            if gain > (best?.gain ?? 0) { best = (gain, c) }
        }
        guard let b = best else { break }
        picks.append(b.c)
    }
    return picks
}

/// The true optimum over all subsets of exactly `min(count, candidates)` candidates.
private func exhaustiveBest(_ s: Scenario, count: Int, alreadyCovered: [Bool]) -> Double {
    let m = s.supply.count, k = min(count, m)
    var best = 0.0
    for mask in 0..<(1 << m) where mask.nonzeroBitCount == k {
        best = max(best, coveredPopulation(s, picks: (0..<m).filter { mask & (1 << $0) != 0 }, alreadyCovered: alreadyCovered))
    }
    return best
}

@Suite struct SiteSelectionTests {
    @Test func lazyGreedyMatchesPlainGreedyAndIsWithinTheBoundOfTheOptimum() async {
        await propertyCheck(count: 200, input: Gen.int(in: 0...Int.max)) { seed in
            var rng = seeded(seed)
            let s = randomScenario(using: &rng, maxDemand: 14, maxSupply: 8)
            let count = Int.random(in: 0...4, using: &rng)
            let existingCosts = try! DenseCostMatrix(unit: .metres, supplyCount: 1, costs: s.demand.indices.map { _ in
                [Int.random(in: 0..<4, using: &rng) == 0 ? 0 : nil]
            })
            let alreadyCovered = s.demand.indices.map { !existingCosts.reachable(from: $0, within: s.cutoff).isEmpty }
            let r = try! MaximalCoverage.greedy(demand: s.demand, candidates: s.supply, candidateCosts: s.costs,
                                                cutoff: s.cutoff, count: count, existingCosts: existingCosts)
            #expect(r.picks.map(\.candidateIndex) == bruteForceGreedy(s, count: count, alreadyCovered: alreadyCovered), "seed \(seed)")
            let base = coveredPopulation(s, picks: [], alreadyCovered: alreadyCovered)
            #expect(r.basePopulationCovered == base)
            #expect(r.populationCovered == coveredPopulation(s, picks: r.picks.map(\.candidateIndex), alreadyCovered: alreadyCovered))
            let optimum = exhaustiveBest(s, count: count, alreadyCovered: alreadyCovered)
            #expect(r.populationCovered <= optimum)
            #expect(r.populationCovered - base >= (1 - 1 / M_E) * (optimum - base) - 1e-9)
        }
    }

    @Test func greedyIsNotAlwaysOptimal() throws {
        // The classic trap: one candidate covers the middle of two clusters, two others cover
        // one cluster each. Greedy takes the middle first and then adds less than the pair.
        let demand = (0..<4).map { DemandSite(id: "v\($0)", population: [50, 50, 50, 50][$0]) }
        let candidates = [SupplySite(id: "middle", capacity: 1), SupplySite(id: "west", capacity: 1), SupplySite(id: "east", capacity: 1)]
        let costs = try DenseCostMatrix(unit: .metres, supplyCount: 3, costs: [
            [nil, 1, nil], [1, 1, nil], [1, nil, 1], [nil, nil, 1],
        ])
        let r = try MaximalCoverage.greedy(demand: demand, candidates: candidates, candidateCosts: costs, cutoff: 5, count: 2)
        #expect(r.picks.map(\.candidateId) == ["middle", "west"])
        #expect(r.picks.map(\.addedPopulation) == [100, 50])
        #expect(r.populationCovered == 150)   // "west" + "east" would cover all 200
    }
}
