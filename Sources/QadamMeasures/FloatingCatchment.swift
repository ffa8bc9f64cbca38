import QadamContract

/// Supply per person reachable from one demand site.
public struct AccessRatio: Codable, Sendable, Equatable {
    public var index: Int
    public var id: String
    public var demand: Double
    /// Σ over facilities in reach of `decay(cost) × facility ratio`: supply per person, not
    /// normalised (seats per child, doctors per resident...).
    public var ratio: Double
}

public struct FloatingCatchmentResult: Codable, Sendable, Equatable {
    public var parameters: MeasureParameters
    public var sites: [AccessRatio]
    public var facilities: [FacilityRatio]
    public var groups: [AccessGroup]
}

/// The two-step floating catchment family: 2SFCA (`.uniform`), E2SFCA (`.steps`) and the
/// gravity model (`.power`, `.gaussian`), all with a catchment cut off at `cutoff`.
///
/// Computed in two passes over the sparse rows: the first adds each site's weighted demand to
/// every facility in reach, giving the facility ratios; the second sums the ratios back per
/// site. The textbook double loop over all pairs lives in the tests as the reference.
public enum FloatingCatchment {
    public static func measure(demand: [DemandSite], supply: [SupplySite], costs: some TravelCosts,
                               cutoff: Double, decay: DistanceDecay = .uniform, groupBy: [String] = [],
                               norm: String? = nil) throws -> FloatingCatchmentResult {
        try InputCheck.sites(demand, supply, costs)
        try InputCheck.cutoff(cutoff)
        try decay.validate()
        var catchment = Array(repeating: 0.0, count: supply.count)
        for i in demand.indices {
            for r in costs.reachable(from: i, within: cutoff) {
                catchment[r.supply] += decay.weight(at: r.cost) * demand[i].demand
            }
        }
        let facilityRatio = supply.indices.map { catchment[$0] > 0 ? supply[$0].capacity / catchment[$0] : nil }
        let ratios = demand.indices.map { i in
            costs.reachable(from: i, within: cutoff).reduce(0.0) { sum, r in
                sum + (facilityRatio[r.supply].map { decay.weight(at: r.cost) * $0 } ?? 0)
            }
        }
        var groups: [AccessGroup] = []
        for key in groupBy {
            for (value, indices) in try GroupRollup.partition(demand, key: key) {
                let d = indices.reduce(0) { $0 + demand[$1].demand }
                let weighted = indices.reduce(0) { $0 + demand[$1].demand * ratios[$1] }
                groups.append(AccessGroup(key: key, value: value, demand: d, meanRatio: share(weighted, of: d)))
            }
        }
        return FloatingCatchmentResult(
            parameters: MeasureParameters(method: decay.method, unit: costs.unit, cutoff: cutoff, decay: decay, norm: norm),
            sites: demand.indices.map { AccessRatio(index: $0, id: demand[$0].id, demand: demand[$0].demand, ratio: ratios[$0]) },
            facilities: supply.indices.map {
                FacilityRatio(index: $0, id: supply[$0].id, capacity: supply[$0].capacity,
                              catchmentDemand: catchment[$0], ratio: facilityRatio[$0])
            },
            groups: groups)
    }
}
