import QadamAccess
import QadamProtocol

/// `coverage`: people with a facility of a kind within a limit, and the demand points left
/// outside ranked by population.
struct CoverageParams: Decodable {
    /// How many outside points to list (all are counted).
    var limit: Int?
}

struct CoverageAnswer: Encodable {
    var kind: String
    var area: AreaRef?
    var demandSource: DemandSource
    var populationWithin: Double
    var populationTotal: Double
    var shareWithin: Double?
    var norm: String?
    var parameters: ResultParameters
    /// Facilities of the kind in the dataset (all may serve the area's people).
    var facilities: Int
    /// Of those, inside the named area; absent without an area. 0 here with 0 covered says
    /// the data has no such facility there, not that they are all far away.
    var facilitiesInArea: Int?
    var outsideCount: Int
    /// Outside points by population descending, with the nearest facility the costs know of.
    var outside: [OutsidePoint]
    var groups: [CoverageGroup]
    var unplaced: [UnplacedSite]

    struct OutsidePoint: Encodable {
        var point: DemandPointRef
        var nearestFacilityId: String?
        var nearestCost: Double?
    }
}

extension MethodRegistry {
    mutating func registerCoverage() {
        register("coverage") { raw, snapshot in
            let query = try Params.decode(MeasureParams.self, from: raw)
            let own = try Params.decode(CoverageParams.self, from: raw)
            let shown = try Params.rowLimit(own.limit, default: 100)
            // Twice the limit, so that points just outside still show their nearest facility.
            let setup = try MeasureSetup(query, snapshot: snapshot) { 2 * $0.cutoff }
            let result = try Coverage.measure(demand: setup.demand, supply: setup.supply, costs: setup.costs.costs,
                                              cutoff: setup.limit.cutoff, groupBy: query.groups(), norm: setup.limit.norm)
            let outside = result.uncovered.prefix(shown).map {
                CoverageAnswer.OutsidePoint(point: setup.point($0.index), nearestFacilityId: $0.nearestSupplyId, nearestCost: $0.nearestCost)
            }
            return try AnalyticsOutput.encode(CoverageAnswer(
                kind: setup.kind, area: setup.area, demandSource: setup.inputs.demandSource,
                populationWithin: result.coveredPopulation, populationTotal: result.totalPopulation,
                shareWithin: result.coveredShare, norm: setup.limit.norm, parameters: setup.parameters(),
                facilities: setup.supply.count,
                facilitiesInArea: setup.areaDistrict.map { setup.supply.inside($0, inputs: setup.inputs).count }, outsideCount: result.uncovered.count, outside: Array(outside),
                groups: setup.inputs.groupNames.named(result.groups), unplaced: setup.costs.unplaced))
        }
    }
}
