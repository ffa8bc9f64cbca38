import QadamContract

/// A demand site with no facility within the cutoff, with how far the nearest one is.
public struct UncoveredSite: Codable, Sendable, Equatable {
    public var index: Int
    public var id: String
    public var name: String?
    public var population: Double
    public var nearestSupplyId: String?
    /// Cost to the nearest facility the cost source knows of; nil if none within its horizon.
    public var nearestCost: Double?
}

/// Who has a facility within the cutoff and who is left out.
public struct CoverageResult: Codable, Sendable, Equatable {
    public var parameters: MeasureParameters
    public var totalPopulation: Double
    public var coveredPopulation: Double
    public var uncoveredPopulation: Double
    /// `coveredPopulation / totalPopulation`; nil when nobody lives in the area.
    public var coveredShare: Double?
    public var coveredSites: Int
    /// Sites outside the cutoff, by population descending, ties by id.
    public var uncovered: [UncoveredSite]
    /// One entry per (group key, value), keys in the order asked, values sorted.
    public var groups: [CoverageGroup]
}

public enum Coverage {
    /// Population within `cutoff` of at least one facility.
    /// - Parameter groupBy: group keys to roll up by; every demand site must carry each key.
    public static func measure(demand: [DemandSite], supply: [SupplySite], costs: some TravelCosts,
                               cutoff: Double, groupBy: [String] = [], norm: String? = nil) throws -> CoverageResult {
        try InputCheck.sites(demand, supply, costs)
        try InputCheck.cutoff(cutoff)
        let covered = demand.indices.map { !costs.reachable(from: $0, within: cutoff).isEmpty }
        return try result(demand: demand, supply: supply, covered: covered, nearest: costs.nearest(from:),
                          parameters: MeasureParameters(method: .coverage, unit: costs.unit, cutoff: cutoff, norm: norm),
                          groupBy: groupBy)
    }

    /// Assembles a result from per-site coverage flags; shared with what-if scenarios, which
    /// work the flags out incrementally.
    static func result(demand: [DemandSite], supply: [SupplySite], covered: [Bool],
                       nearest: (Int) -> ReachableSupply?, parameters: MeasureParameters,
                       groupBy: [String]) throws -> CoverageResult {
        let total = demand.reduce(0) { $0 + $1.population }
        let coveredPopulation = demand.indices.reduce(0) { covered[$1] ? $0 + demand[$1].population : $0 }
        let uncovered = demand.indices.filter { !covered[$0] }.map { i -> UncoveredSite in
            let n = nearest(i)
            return UncoveredSite(index: i, id: demand[i].id, name: demand[i].name, population: demand[i].population,
                                 nearestSupplyId: n.map { supply[$0.supply].id }, nearestCost: n?.cost)
        }.sorted { $0.population != $1.population ? $0.population > $1.population : $0.id < $1.id }
        var groups: [CoverageGroup] = []
        for key in groupBy {
            for (value, indices) in try GroupRollup.partition(demand, key: key) {
                let pop = indices.reduce(0) { $0 + demand[$1].population }
                let inside = indices.reduce(0) { covered[$1] ? $0 + demand[$1].population : $0 }
                groups.append(CoverageGroup(key: key, value: value, sites: indices.count,
                                            uncoveredSites: indices.filter { !covered[$0] }.count,
                                            totalPopulation: pop, coveredPopulation: inside,
                                            uncoveredPopulation: pop - inside, coveredShare: share(inside, of: pop)))
            }
        }
        return CoverageResult(parameters: parameters, totalPopulation: total, coveredPopulation: coveredPopulation,
                              uncoveredPopulation: total - coveredPopulation, coveredShare: share(coveredPopulation, of: total),
                              coveredSites: covered.filter { $0 }.count, uncovered: uncovered, groups: groups)
    }
}
