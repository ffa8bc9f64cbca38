import QadamContract

/// One facility reachable from a demand site, with the travel cost to it.
public struct ReachableSupply: Codable, Sendable, Hashable {
    /// Index into the supply array the cost source was built for.
    public var supply: Int
    /// Travel cost in the source's `unit`.
    public var cost: Double

    public init(supply: Int, cost: Double) {
        self.supply = supply
        self.cost = cost
    }
}

/// Where the measures get travel costs from: for each demand site, the facilities reachable
/// within a cutoff, as a sparse row sorted by cost (ties by supply index).
///
/// Rows rather than a matrix because real sources are sparse: a many-to-many network search
/// with a cutoff, or geodesic distance × detour factor within a horizon. A source may know only
/// costs up to its own search horizon; beyond it a facility is simply absent.
public protocol TravelCosts: Sendable {
    var unit: CostUnit { get }
    var demandCount: Int { get }
    var supplyCount: Int { get }
    /// Facilities with `cost <= cutoff` from demand site `demand`, sorted by (cost, supply).
    func reachable(from demand: Int, within cutoff: Double) -> [ReachableSupply]
    /// The cheapest facility the source knows of, however far; nil if none within its horizon.
    func nearest(from demand: Int) -> ReachableSupply?
}

extension TravelCosts {
    public func nearest(from demand: Int) -> ReachableSupply? {
        reachable(from: demand, within: .infinity).first
    }
}

extension ReachableSupply {
    /// The order every row is kept in: by cost, then by supply index so results are deterministic.
    public static func precedes(_ a: ReachableSupply, _ b: ReachableSupply) -> Bool {
        a.cost != b.cost ? a.cost < b.cost : a.supply < b.supply
    }
}
