import QadamMeasures
import QadamData
import QadamContract

/// The inputs of one single-kind query, prepared the same way by every method: demand of the
/// area weighted for the kind, the kind's facilities, the limit and the travel costs.
///
/// `supply` is every facility of the kind when the measure only needs where they are, and only
/// those with a known (or assumed) capacity when it counts seats (`countsCapacity`); either way
/// `capacityUnknown` lists the facilities whose capacity is unknown, so results can say so.
struct MeasureSetup {
    let facilityKind: FacilityKind
    /// `facilityKind` as the data and the norms catalogue name it.
    let kind: String
    let inputs: AnalyticsInputs
    let demand: [DemandSite]
    let weighting: DemandWeighting
    let area: AreaRef?
    let supply: [SupplySite]
    /// Facilities of the kind with no capacity in the data and none assumed (inside the area,
    /// when one is named: the count a planner of that area can act on).
    let capacityUnknown: [SupplySite]
    /// The named area's district, if any.
    let areaDistrict: District?
    let capacityAssumed: CapacityAssumption?
    let limit: Limit
    let costs: BuiltCosts

    init(_ query: MeasureParams, snapshot: Snapshot, countsCapacity: Bool = false,
         horizon: ((Limit) -> Double)? = nil) throws {
        let content = try snapshot.dataset
        inputs = try snapshot.analytics
        facilityKind = try query.requiredKind()
        kind = facilityKind.rawValue
        let weighted = inputs.demand(forKind: kind)
        (demand, area) = try query.restrict(weighted.sites, inputs: inputs)
        let inputs = self.inputs
        let areaDistrict = try query.area.map { a throws(RPCError) in try inputs.district(named: a) }
        self.areaDistrict = areaDistrict
        weighting = weighted.weighting
        let kindSupply = inputs.supply(ofKind: kind,
                                       assumed: try CapacityAssumptionChoice.parse(query.assumeCapacity).resolve(kind: kind, norms: content.norms))
        supply = countsCapacity ? kindSupply.withCapacity : kindSupply.located
        if let areaDistrict {
            capacityUnknown = kindSupply.capacityUnknown.inside(areaDistrict, inputs: inputs)
        } else {
            capacityUnknown = kindSupply.capacityUnknown
        }
        capacityAssumed = kindSupply.assumption
        limit = try query.limit(kind: kind, demand: demand, norms: content.norms)
        var spec = query.costSpec(limit)
        if let horizon { spec.horizon = horizon(limit) }
        costs = try TravelCostFactory.build(network: content.network, demand: demand, supply: supply, spec: spec)
    }

    func parameters(decay: CatchmentMethod? = nil) -> ResultParameters {
        ResultParameters(kind: facilityKind, limit: limit, costs: costs, decay: decay)
    }

    /// A demand site's id, name and population, for lists of points.
    func point(_ i: Int) -> DemandPointRef {
        DemandPointRef(id: demand[i].id, name: demand[i].name, population: demand[i].population,
                       district: demand[i].groups[GroupKey.district], location: demand[i].location.map { [$0.lon, $0.lat] })
    }
}

extension [SupplySite] {
    /// The sites inside a district.
    func inside(_ district: District, inputs: AnalyticsInputs) -> [SupplySite] {
        inputs.indices(of: map(\.location), in: district).map { self[$0] }
    }
}

