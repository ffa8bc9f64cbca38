import QadamMeasures
import QadamGeo
import QadamNetwork
import QadamContract

/// What travel costs a query asks for.
public struct CostSpec: Sendable, Hashable {
    public var profile: TravelProfile
    /// Travel speed; nil = the profile's default on a network, `RoadEstimate`'s 60 km/h when
    /// driving is estimated.
    public var speedKmh: Double?
    public var unit: CostUnit
    /// Costs above this are not kept (the network searches stop there).
    public var horizon: Double
    /// For estimated costs only: road distance = straight line × this.
    public var detourFactor: Double

    /// The documented default detour factor (docs/measures.md, "Estimated road distance").
    public static let defaultDetourFactor = RoadEstimate().detourFactor

    public init(profile: TravelProfile, speedKmh: Double? = nil, unit: CostUnit, horizon: Double,
                detourFactor: Double = CostSpec.defaultDetourFactor) {
        self.profile = profile; self.speedKmh = speedKmh; self.unit = unit
        self.horizon = horizon; self.detourFactor = detourFactor
    }

    /// The speed estimated seconds use: walking and wheelchair speeds as on the network, and
    /// 60 km/h for driving between settlements.
    var estimatedSpeedKmh: Double {
        speedKmh ?? (profile == .drive ? RoadEstimate().speedKmh : profile.defaultSpeedKmh)
    }
}

/// The travel costs of one query: a network's sparse rows or a straight-line estimate. One
/// concrete type for both, so generic measures (what-if baselines) take either.
public enum ServiceCosts: TravelCosts {
    case network(SparseCostRows)
    case estimated(StraightLineTravelCosts)

    public var unit: CostUnit {
        switch self { case .network(let c): c.unit; case .estimated(let c): c.unit }
    }
    public var demandCount: Int {
        switch self { case .network(let c): c.demandCount; case .estimated(let c): c.demandCount }
    }
    public var supplyCount: Int {
        switch self { case .network(let c): c.supplyCount; case .estimated(let c): c.supplyCount }
    }
    public func reachable(from demand: Int, within cutoff: Double) -> [ReachableSupply] {
        switch self {
        case .network(let c): c.reachable(from: demand, within: cutoff)
        case .estimated(let c): c.reachable(from: demand, within: cutoff)
        }
    }
    public func nearest(from demand: Int) -> ReachableSupply? {
        switch self {
        case .network(let c): c.nearest(from: demand)
        case .estimated(let c): c.nearest(from: demand)
        }
    }
}

/// Travel costs with their provenance.
public struct BuiltCosts: Sendable {
    public var costs: ServiceCosts
    public var basis: CostBasis
    /// Points the network could not place (empty for estimates).
    public var unplaced: [UnplacedSite]
    /// The speed the costs assume, km/h.
    public var speedKmh: Double
    /// Set for estimated costs only.
    public var detourFactor: Double?
}

/// The seam between the datasets and the measures: demand and facility points in, travel
/// costs out, from the street network when the dataset has one, else estimated.
public enum TravelCostFactory {
    public static func build(network: StreetNetwork?, demand: [DemandSite], supply: [SupplySite],
                             spec: CostSpec) throws -> BuiltCosts {
        guard let network else {
            let estimate = RoadEstimate(detourFactor: spec.detourFactor, speedKmh: spec.estimatedSpeedKmh)
            return BuiltCosts(costs: .estimated(try StraightLineTravelCosts(demand: demand, supply: supply, unit: spec.unit, estimate: estimate)),
                              basis: .estimated, unplaced: [], speedKmh: estimate.speedKmh, detourFactor: estimate.detourFactor)
        }
        let (rows, unplaced) = try networkRows(network: network, demand: demand, supply: supply, spec: spec)
        return BuiltCosts(costs: .network(rows), basis: .network, unplaced: unplaced,
                          speedKmh: TravelMode(profile: spec.profile, speedKmh: spec.speedKmh).speedKmh, detourFactor: nil)
    }

    /// Sparse rows from one bounded search per facility (walk, wheelchair: every way costs the
    /// same in both directions, so facility → home equals home → facility) or per demand
    /// point (drive: one-way streets make trips asymmetric, so searches run in the direction
    /// of travel, from home). Each search only visits the points on edges it reached.
    ///
    /// With a metre horizon the search is bounded in seconds by `horizon × the slowest seconds
    /// per metre` of the profile, so that every trip whose length along its fastest path is
    /// within the horizon is found; `metres` are those along the fastest path.
    static func networkRows(network: StreetNetwork, demand: [DemandSite], supply: [SupplySite],
                            spec: CostSpec) throws -> (SparseCostRows, [UnplacedSite]) {
        let mode = TravelMode(profile: spec.profile, speedKmh: spec.speedKmh)
        var unplaced: [UnplacedSite] = []
        func snap(_ sites: [(id: String, location: Coordinate?)], side: UnplacedSite.Side) -> [NetworkLocation?] {
            sites.map { site in
                guard let c = site.location else {
                    unplaced.append(UnplacedSite(side: side, id: site.id, reason: "no location"))
                    return nil
                }
                switch network.locate(c, profile: mode.profile) {
                case .reached(let l): return l
                case .unreachable(let why):
                    unplaced.append(UnplacedSite(side: side, id: site.id, reason: why.description))
                    return nil
                }
            }
        }
        let homes = snap(demand.map { ($0.id, $0.location) }, side: .demand)
        let facilities = snap(supply.map { ($0.id, $0.location) }, side: .facility)
        let limit = spec.unit == .seconds ? spec.horizon : spec.horizon * slowestSecondsPerMetre(network.graph, mode: mode)
        let symmetric = spec.profile != .drive
        let (sources, targets) = symmetric ? (facilities, homes) : (homes, facilities)
        let targetsOnEdge = Dictionary(grouping: targets.indices.filter { targets[$0] != nil }) { targets[$0]!.edge }
        var rows = Array(repeating: [ReachableSupply](), count: demand.count)
        let search = NetworkSearch(network: network)
        let g = network.graph
        for (s, origin) in sources.enumerated() {
            guard let origin else { continue }
            try Cancellation.check()
            search.run(from: origin, mode: mode, limitSeconds: limit)
            var edges: Set<Int> = [origin.edge]
            for v in search.reachedVertices() {
                for arc in Int(g.firstArc[v])..<Int(g.firstArc[v + 1]) { edges.insert(Int(g.arcEdge[arc]) >> 1) }
            }
            for e in edges {
                for t in targetsOnEdge[e] ?? [] {
                    guard let m = search.measure(to: targets[t]!).value else { continue }
                    let cost = spec.unit == .seconds ? m.seconds : m.metres
                    guard cost <= spec.horizon else { continue }
                    if symmetric {
                        rows[t].append(ReachableSupply(supply: s, cost: cost))
                    } else {
                        rows[s].append(ReachableSupply(supply: t, cost: cost))
                    }
                }
            }
        }
        let costs = try SparseCostRows(unit: spec.unit, supplyCount: supply.count, horizon: spec.horizon, rows: rows)
        return (costs, unplaced)
    }

    /// The most seconds any metre can take in this mode: the slowest usable edge, or the
    /// straight leg to the network.
    static func slowestSecondsPerMetre(_ g: StreetGraph, mode: TravelMode) -> Double {
        let p = TravelProfile.allCases.firstIndex(of: mode.profile)!
        let scale = mode.profile.defaultSpeedKmh / mode.speedKmh
        var slowest = 3.6 / (mode.profile == .drive ? mode.profile.offNetworkSpeedKmh : mode.speedKmh)
        for e in 0..<g.edgeCount where g.edgeLength[e] > 0 {
            for cost in [g.forwardCost[p][e], g.backwardCost[p][e]] where cost.isFinite {
                slowest = max(slowest, Double(cost) * scale / Double(g.edgeLength[e]))
            }
        }
        return slowest
    }
}
