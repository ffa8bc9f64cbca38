import QadamMeasures
import QadamContract

/// `coverage` (`RPC.Coverage`): people with a facility of a kind within a limit, and the demand
/// points left outside ranked by population.
extension MethodRegistry {
    mutating func registerCoverage() {
        register(RPC.Coverage.self) { params, snapshot in
            let query = params.measure
            let shown = try Params.rowLimit(params.options.limit, default: 100)
            // Twice the limit, so that points just outside still show their nearest facility.
            let setup = try MeasureSetup(query, snapshot: snapshot) { 2 * $0.cutoff }
            let result = try Coverage.measure(demand: setup.demand, supply: setup.supply, costs: setup.costs.costs,
                                              cutoff: setup.limit.cutoff, groupBy: query.groups(), norm: setup.limit.norm)
            let outside = result.uncovered.prefix(shown).map {
                RPC.Coverage.Result.OutsidePoint(point: setup.point($0.index), nearestFacilityId: $0.nearestSupplyId, nearestCost: $0.nearestCost)
            }
            return RPC.Coverage.Result(
                kind: setup.facilityKind, area: setup.area, demandSource: setup.inputs.demandSource,
                populationWithin: result.coveredPopulation, populationTotal: result.totalPopulation,
                shareWithin: result.coveredShare, norm: setup.limit.norm, parameters: setup.parameters(),
                facilities: setup.supply.count,
                facilitiesInArea: setup.areaDistrict.map { setup.supply.inside($0, inputs: setup.inputs).count },
                outsideCount: result.uncovered.count, outside: Array(outside),
                groups: setup.inputs.groupNames.named(result.groups), unplaced: setup.costs.unplaced)
        }
    }
}
