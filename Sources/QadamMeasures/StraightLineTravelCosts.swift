import QadamGeo
import QadamContract

/// *Estimated* travel costs from geodesic distance × detour factor (and a speed, for seconds):
/// the fallback when no street network covers an area, e.g. between villages of an oblast.
/// Scans every facility per row, which is fine for settlements × facilities of one oblast.
public struct StraightLineTravelCosts: TravelCosts {
    public let unit: CostUnit
    public let estimate: RoadEstimate
    private let demand: [Coordinate]
    private let supply: [Coordinate]

    public var demandCount: Int { demand.count }
    public var supplyCount: Int { supply.count }

    /// Every demand and supply site must have a location.
    public init(demand: [DemandSite], supply: [SupplySite], unit: CostUnit, estimate: RoadEstimate = RoadEstimate()) throws {
        try estimate.validate()
        self.demand = try demand.enumerated().map { i, s in
            guard let p = s.location else { throw AccessError.missingLocation(site: "demand", index: i, id: s.id) }
            return p
        }
        self.supply = try supply.enumerated().map { j, s in
            guard let p = s.location else { throw AccessError.missingLocation(site: "supply", index: j, id: s.id) }
            return p
        }
        self.unit = unit
        self.estimate = estimate
    }

    public func cost(from i: Int, to j: Int) -> Double {
        let d = Geodesic.distance(demand[i], supply[j])
        return unit == .metres ? estimate.roadMetres(straightLine: d) : estimate.travelSeconds(straightLine: d)
    }

    public func reachable(from i: Int, within cutoff: Double) -> [ReachableSupply] {
        supply.indices.compactMap { j in
            let c = cost(from: i, to: j)
            return c <= cutoff ? ReachableSupply(supply: j, cost: c) : nil
        }.sorted(by: ReachableSupply.precedes)
    }
}
