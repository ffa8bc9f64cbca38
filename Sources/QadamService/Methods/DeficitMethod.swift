import QadamAccess
import QadamProtocol

/// `deficit`: demand against seats per district (or another roll-up), places per 1,000 against
/// the catalogue's capacity norm, and a capacity-aware assignment within the travel limit.
struct DeficitParams: Decodable {
    /// `exact` (min-cost flow, default) or `greedy` (nearest first, heuristic).
    var assignment: String?
    var limit: Int?
}

struct DeficitAnswer: Encodable {
    var kind: String
    var area: AreaRef?
    var demandSource: DemandSource
    var weighting: DemandWeighting
    var groupKey: String
    var rows: [SeatBalanceRow]
    var total: SeatBalanceRow
    var capacityNorm: String?
    /// Facilities of the kind whose capacity is unknown (and was not assumed).
    var capacityUnknown: Int
    var capacityAssumed: CapacityAssumption?
    var parameters: ResultParameters
    /// Nil when some capacity is unknown: an assignment without those facilities would send
    /// their pupils elsewhere or call them unserved. `assignment_skipped` says so.
    var assignment: Assignment?
    var assignmentSkipped: String?
    var unplaced: [UnplacedSite]

    struct Assignment: Encodable {
        var method: String
        var totalDemand: Double
        var assignedDemand: Double
        var unservedDemand: Double
        var overloaded: [FacilityLoad]
        var unserved: [UnservedDemand]
    }
}

extension MethodRegistry {
    mutating func registerDeficit() {
        register("deficit") { raw, snapshot in
            let query = try Params.decode(MeasureParams.self, from: raw)
            let own = try Params.decode(DeficitParams.self, from: raw)
            let method: CapacityAssignment.Method
            switch own.assignment ?? "exact" {
            case "exact": method = .minCostFlow
            case "greedy": method = .greedyNearestWithCapacity
            case let other: throw RPCError.invalidParams(field: "assignment", "must be exact or greedy, got '\(other)'")
            }
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
            var assignment: DeficitAnswer.Assignment?
            var skipped: String?
            if setup.capacityUnknown.isEmpty {
                let assigned = try CapacityAssignment.assign(demand: setup.demand, supply: setup.supply, costs: setup.costs.costs,
                                                             cutoff: setup.limit.cutoff, method: method, norm: setup.limit.norm)
                assignment = .init(method: method == .minCostFlow ? "exact_min_cost_flow" : "greedy_nearest_with_capacity",
                                   totalDemand: assigned.totalDemand, assignedDemand: assigned.assignedDemand,
                                   unservedDemand: assigned.unservedDemand, overloaded: Array(assigned.overloaded.prefix(shown)),
                                   unserved: Array(assigned.unserved.prefix(shown)))
            } else {
                skipped = "\(setup.capacityUnknown.count) \(setup.kind) facilities have no capacity in the data; pass assume_capacity to assign demand to them"
            }
            return try AnalyticsOutput.encode(DeficitAnswer(
                kind: setup.kind, area: setup.area, demandSource: setup.inputs.demandSource, weighting: setup.weighting,
                groupKey: groupKey, rows: setup.inputs.groupNames.named(balance.rows, key: groupKey), total: balance.total, capacityNorm: capacityRule?.id,
                capacityUnknown: setup.capacityUnknown.count, capacityAssumed: setup.capacityAssumed, parameters: setup.parameters(),
                assignment: assignment, assignmentSkipped: skipped, unplaced: setup.costs.unplaced))
        }
    }
}
