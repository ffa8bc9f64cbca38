import QadamContract

/// Demand sent from one site to one facility by an assignment.
public struct AssignmentFlow: Codable, Sendable, Equatable {
    public var demand: Int
    public var supply: Int
    public var amount: Double
    public var cost: Double
}

/// A capacity-respecting catchment: who goes where, who is overloaded, who is left out.
public struct CapacityAssignmentResult: Codable, Sendable, Equatable {
    public var parameters: MeasureParameters
    public var totalDemand: Double
    public var assignedDemand: Double
    public var unservedDemand: Double
    /// Sum of `amount × cost` over flows.
    public var totalCost: Double
    /// Flows sorted by (demand, supply).
    public var flows: [AssignmentFlow]
    /// Every facility, by index.
    public var facilities: [FacilityLoad]
    /// Facilities with `overload > 0`, most overloaded first (ties by id).
    public var overloaded: [FacilityLoad]
    /// Sites with demand left over, most unserved first (ties by id).
    public var unserved: [UnservedDemand]
}

public enum CapacityAssignment {
    public enum Method: String, Codable, Sendable {
        /// Exact: the most demand placed, and at the least total cost among such placements.
        case minCostFlow
        /// Heuristic: all (site, facility) pairs within the cutoff by increasing cost, each
        /// filled as far as remaining demand and capacity allow. Fast and easy to explain, but
        /// may place less demand or at higher cost than `minCostFlow`.
        case greedyNearestWithCapacity
    }

    /// Assigns each site's demand (population × weight) to facilities within `cutoff`,
    /// respecting capacities.
    public static func assign(demand: [DemandSite], supply: [SupplySite], costs: some TravelCosts,
                              cutoff: Double, method: Method = .minCostFlow, norm: String? = nil) throws -> CapacityAssignmentResult {
        try InputCheck.sites(demand, supply, costs)
        try InputCheck.cutoff(cutoff)
        let rows = demand.indices.map { costs.reachable(from: $0, within: cutoff) }
        let flows = method == .minCostFlow
            ? exactFlows(demand: demand, supply: supply, rows: rows)
            : greedyFlows(demand: demand, supply: supply, rows: rows)
        var assignedTo = Array(repeating: 0.0, count: supply.count)
        var placedFrom = Array(repeating: 0.0, count: demand.count)
        for f in flows {
            assignedTo[f.supply] += f.amount
            placedFrom[f.demand] += f.amount
        }
        var firstChoice = Array(repeating: 0.0, count: supply.count)
        for (i, row) in rows.enumerated() {
            if let first = row.first { firstChoice[first.supply] += demand[i].demand }
        }
        let facilities = supply.indices.map { j in
            FacilityLoad(index: j, id: supply[j].id, capacity: supply[j].capacity, currentLoad: supply[j].currentLoad,
                         assigned: assignedTo[j], firstChoiceDemand: firstChoice[j],
                         overload: max(0, firstChoice[j] - supply[j].capacity))
        }
        let tolerance = 1e-9 * max(1, demand.reduce(0) { $0 + $1.demand })
        let unserved = demand.indices.compactMap { i -> UnservedDemand? in
            let left = demand[i].demand - placedFrom[i]
            return left > tolerance ? UnservedDemand(index: i, id: demand[i].id, demand: demand[i].demand, unserved: left) : nil
        }
        let total = demand.reduce(0) { $0 + $1.demand }
        let assigned = flows.reduce(0) { $0 + $1.amount }
        return CapacityAssignmentResult(
            parameters: MeasureParameters(method: method == .minCostFlow ? .minCostFlowAssignment : .greedyNearestWithCapacity,
                                          unit: costs.unit, cutoff: cutoff, norm: norm),
            totalDemand: total, assignedDemand: assigned, unservedDemand: max(0, total - assigned),
            totalCost: flows.reduce(0) { $0 + $1.amount * $1.cost },
            flows: flows, facilities: facilities,
            overloaded: facilities.filter { $0.overload > 0 }
                .sorted { $0.overload != $1.overload ? $0.overload > $1.overload : $0.id < $1.id },
            unserved: unserved.sorted { $0.unserved != $1.unserved ? $0.unserved > $1.unserved : $0.id < $1.id })
    }

    /// Network: source → site (capacity = demand) → facility (cost) → sink (capacity).
    private static func exactFlows(demand: [DemandSite], supply: [SupplySite], rows: [[ReachableSupply]]) -> [AssignmentFlow] {
        let n = demand.count, m = supply.count
        let source = n + m, sink = n + m + 1
        var network = MinCostFlow(nodes: n + m + 2)
        let total = demand.reduce(0) { $0 + $1.demand }
        for i in 0..<n { network.addArc(from: source, to: i, capacity: demand[i].demand, cost: 0) }
        for j in 0..<m { network.addArc(from: n + j, to: sink, capacity: supply[j].capacity, cost: 0) }
        var arcs: [(arc: Int, demand: Int, reach: ReachableSupply)] = []
        for (i, row) in rows.enumerated() {
            for r in row {
                arcs.append((network.addArc(from: i, to: n + r.supply, capacity: .infinity, cost: r.cost), i, r))
            }
        }
        let epsilon = 1e-12 * max(1, total)
        network.run(source: source, sink: sink, epsilon: epsilon)
        return arcs.compactMap { a in
            let amount = network.flow(on: a.arc)
            return amount > epsilon ? AssignmentFlow(demand: a.demand, supply: a.reach.supply, amount: amount, cost: a.reach.cost) : nil
        }.sorted { $0.demand != $1.demand ? $0.demand < $1.demand : $0.supply < $1.supply }
    }

    private static func greedyFlows(demand: [DemandSite], supply: [SupplySite], rows: [[ReachableSupply]]) -> [AssignmentFlow] {
        var pairs: [(demand: Int, reach: ReachableSupply)] = []
        for (i, row) in rows.enumerated() { pairs += row.map { (i, $0) } }
        pairs.sort { a, b in
            a.reach.cost != b.reach.cost ? a.reach.cost < b.reach.cost
                : a.demand != b.demand ? a.demand < b.demand : a.reach.supply < b.reach.supply
        }
        var left = demand.map(\.demand), room = supply.map(\.capacity)
        var flows: [AssignmentFlow] = []
        for p in pairs {
            let amount = min(left[p.demand], room[p.reach.supply])
            guard amount > 0 else { continue }
            left[p.demand] -= amount
            room[p.reach.supply] -= amount
            flows.append(AssignmentFlow(demand: p.demand, supply: p.reach.supply, amount: amount, cost: p.reach.cost))
        }
        return flows.sorted { $0.demand != $1.demand ? $0.demand < $1.demand : $0.supply < $1.supply }
    }
}
