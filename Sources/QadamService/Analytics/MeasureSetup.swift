import QadamAccess
import QadamProtocol

/// The inputs of one single-kind query, prepared the same way by every method: demand of the
/// area weighted for the kind, the kind's facilities, the limit and the travel costs.
///
/// `supply` is every facility of the kind when the measure only needs where they are, and only
/// those with a known (or assumed) capacity when it counts seats (`countsCapacity`); either way
/// `capacityUnknown` lists the facilities whose capacity is unknown, so results can say so.
struct MeasureSetup {
    let kind: String
    let inputs: AnalyticsInputs
    let demand: [DemandSite]
    let weighting: DemandWeighting
    let area: AreaRef?
    let supply: [SupplySite]
    /// Facilities of the kind with no capacity in the data and none assumed.
    let capacityUnknown: [SupplySite]
    let capacityAssumed: CapacityAssumption?
    let limit: Limit
    let costs: BuiltCosts

    init(_ query: MeasureQuery, snapshot: Snapshot, countsCapacity: Bool = false,
         horizon: ((Limit) -> Double)? = nil) throws {
        let content = try snapshot.dataset
        inputs = try snapshot.analytics
        kind = try query.requiredKind()
        let weighted = inputs.demand(forKind: kind)
        (demand, area) = try query.restrict(weighted.sites, inputs: inputs)
        weighting = weighted.weighting
        let kindSupply = inputs.supply(ofKind: kind,
                                       assumed: try CapacityAssumptionChoice.parse(query.assumeCapacity).resolve(kind: kind, norms: content.norms))
        supply = countsCapacity ? kindSupply.withCapacity : kindSupply.located
        capacityUnknown = kindSupply.capacityUnknown
        capacityAssumed = kindSupply.assumption
        limit = try query.limit(kind: kind, demand: demand, norms: content.norms)
        var spec = query.costSpec(limit)
        if let horizon { spec.horizon = horizon(limit) }
        costs = try TravelCostFactory.build(network: content.network, demand: demand, supply: supply, spec: spec)
    }

    func parameters(decay: String? = nil) -> ResultParameters {
        ResultParameters(kind: kind, limit: limit, costs: costs, decay: decay)
    }

    /// A demand site's id, name and population, for lists of points.
    func point(_ i: Int) -> DemandPointRef {
        DemandPointRef(id: demand[i].id, name: demand[i].name, population: demand[i].population,
                       district: demand[i].groups[GroupKey.district], location: demand[i].location.map { [$0.lon, $0.lat] })
    }
}

struct DemandPointRef: Encodable {
    var id: String
    var name: String?
    var population: Double
    var district: String?
    var location: [Double]?
}
