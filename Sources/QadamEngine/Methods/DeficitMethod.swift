import QadamMeasures
import QadamContract

/// `deficit`: demand against seats per district (or another roll-up), places per 1,000 against
/// the catalogue's capacity norm, and a capacity-aware assignment within the travel limit.
extension MethodRegistry {
    mutating func registerDeficit() {
        register(RPC.Deficit.self) { params, snapshot in
            let query = params.measure, own = params.options
            let method: CapacityAssignment.Method = own.assignment == .greedy ? .greedyNearestWithCapacity : .minCostFlow
            let groupKey = query.groups().first ?? GroupKey.district
            let setup = try MeasureSetup(query, snapshot: snapshot, countsCapacity: true)
            let norms = try snapshot.dataset.norms
            let capacityRule = norms.rules.first { $0.facilityKind == setup.kind && $0.capacityPer1000 != nil }
            // Seats are counted where they stand: in the area when one is named (its schools), while
            // the assignment below may still send demand to a school across the border.
            let seats = setup.areaDistrict.map { setup.supply.inside($0, inputs: setup.inputs) } ?? setup.supply
            let balance = try SeatBalance.measure(demand: setup.demand, supply: seats, capacityUnknown: setup.capacityUnknown,
                                                  groupKey: groupKey, normSeatsPerThousand: capacityRule?.capacityPer1000,
                                                  norm: capacityRule?.id)
            let shown = try Params.rowLimit(own.limit, default: 100)
            var assignment: RPC.Deficit.Result.Assignment?
            var skipped: String?
            if setup.capacityUnknown.isEmpty {
                let assigned = try CapacityAssignment.assign(demand: setup.demand, supply: setup.supply, costs: setup.costs.costs,
                                                             cutoff: setup.limit.cutoff, method: method, norm: setup.limit.norm)
                assignment = .init(method: method == .minCostFlow ? .exactMinCostFlow : .greedyNearestWithCapacity,
                                   totalDemand: assigned.totalDemand, assignedDemand: assigned.assignedDemand,
                                   unservedDemand: assigned.unservedDemand, overloaded: Array(assigned.overloaded.prefix(shown)),
                                   unserved: Array(assigned.unserved.prefix(shown)))
            } else {
                skipped = "\(setup.capacityUnknown.count) \(setup.kind) facilities have no capacity in the data; pass assume_capacity to assign demand to them"
            }
            return RPC.Deficit.Result(
                kind: setup.facilityKind, area: setup.area, demandSource: setup.inputs.demandSource, weighting: setup.weighting,
                groupKey: groupKey, rows: setup.inputs.groupNames.named(balance.rows, key: groupKey), total: balance.total, capacityNorm: capacityRule?.id,
                capacityUnknown: setup.capacityUnknown.count, capacityAssumed: setup.capacityAssumed, parameters: setup.parameters(),
                assignment: assignment, assignmentSkipped: skipped, unplaced: setup.costs.unplaced)
        }
    }
}
