import HeapModule
import QadamGeo
import QadamContract

/// One facility chosen by site selection.
public struct SitePick: Codable, Sendable, Equatable {
    public var candidateIndex: Int
    public var candidateId: String
    /// People newly within the cutoff thanks to this pick (given earlier picks).
    public var addedPopulation: Double
    /// People covered after this pick, including those covered by existing facilities.
    public var cumulativePopulation: Double
}

public struct SiteSelectionResult: Codable, Sendable, Equatable {
    public var parameters: MeasureParameters
    public var picks: [SitePick]
    public var totalPopulation: Double
    /// Covered by existing facilities before any pick.
    public var basePopulationCovered: Double
    public var populationCovered: Double
}

/// Where to build `count` new facilities so that the most people get one within the cutoff.
///
/// Greedy, not optimal: coverage is submodular, so greedy is guaranteed at least (1 − 1/e) ≈ 63%
/// of the best possible *added* coverage, and usually much closer. Uses lazy evaluation (an
/// upper bound on each candidate's gain kept in a heap) so most candidates are not rescored
/// every round; picks and ties (lowest candidate index) are the same as plain greedy's.
public enum MaximalCoverage {
    /// - Parameters:
    ///   - candidateCosts: costs from each demand site to each candidate (supply = candidates).
    ///   - existingCosts: costs to existing facilities; sites they cover count as covered.
    ///   - count: how many sites to pick; fewer are returned if no candidate adds anyone.
    public static func greedy(demand: [DemandSite], candidates: [SupplySite], candidateCosts: some TravelCosts,
                              cutoff: Double, count: Int, existingCosts: (any TravelCosts)? = nil,
                              norm: String? = nil) throws -> SiteSelectionResult {
        try InputCheck.sites(demand, candidates, candidateCosts)
        try InputCheck.cutoff(cutoff)
        guard count >= 0 else { throw AccessError.invalidParameter(name: "count", value: "\(count)", reason: "must be >= 0") }
        if let existing = existingCosts, existing.demandCount != demand.count {
            throw AccessError.dimensionMismatch(what: "demand sites vs existing-facility cost rows",
                                                expected: existing.demandCount, actual: demand.count)
        }
        var covered = demand.indices.map { !(existingCosts?.reachable(from: $0, within: cutoff).isEmpty ?? true) }
        var sites = Array(repeating: [Int](), count: candidates.count)
        for i in demand.indices where !covered[i] {
            for r in candidateCosts.reachable(from: i, within: cutoff) { sites[r.supply].append(i) }
        }
        func gain(_ c: Int) -> Double { sites[c].reduce(0) { covered[$1] ? $0 : $0 + demand[$1].population } }

        var heap = Heap<GainBound>()
        for c in candidates.indices { heap.insert(GainBound(gain: gain(c), candidate: c, round: 0)) }
        let base = demand.indices.reduce(0) { covered[$1] ? $0 + demand[$1].population : $0 }
        var total = base
        var picks: [SitePick] = []
        while picks.count < count, let top = heap.popMax() {
            guard top.round == picks.count else {
                heap.insert(GainBound(gain: gain(top.candidate), candidate: top.candidate, round: picks.count))
                continue
            }
            guard top.gain > 0 else { break }
            for i in sites[top.candidate] { covered[i] = true }
            total += top.gain
            picks.append(SitePick(candidateIndex: top.candidate, candidateId: candidates[top.candidate].id,
                                  addedPopulation: top.gain, cumulativePopulation: total))
        }
        return SiteSelectionResult(
            parameters: MeasureParameters(method: .greedyMaximalCoverage, unit: candidateCosts.unit, cutoff: cutoff, norm: norm),
            picks: picks, totalPopulation: demand.reduce(0) { $0 + $1.population },
            basePopulationCovered: base, populationCovered: total)
    }
}

/// A lazy-greedy heap entry: a bound on a candidate's gain, computed in `round` (the number of
/// picks made then). Ordered by gain, and on equal gain the lower candidate index ranks higher,
/// so `popMax` gives the pick the old sort order gave.
private struct GainBound: Comparable {
    let gain: Double
    let candidate: Int
    let round: Int

    static func < (a: GainBound, b: GainBound) -> Bool {
        a.gain != b.gain ? a.gain < b.gain : a.candidate > b.candidate
    }

    static func == (a: GainBound, b: GainBound) -> Bool { a.gain == b.gain && a.candidate == b.candidate }
}
