import Testing
import PropertyBased
import QadamMeasures
import TestSupport

// MARK: - Slow references

/// Exhaustive over integral assignments: every way to split each site's (integer) demand among
/// its reachable facilities or "unserved"; best = most placed, then least cost.
private func exhaustiveAssignment(demand: [Int], capacity: [Int], cost: [[Double?]]) -> (placed: Int, cost: Double) {
    var best = (placed: -1, cost: Double.infinity)
    var room = capacity
    func splits(_ amount: Int, _ options: [Int]) -> [[Int]] {
        guard !options.isEmpty else { return [[]] }
        return (0...amount).flatMap { k in splits(amount - k, Array(options.dropFirst())).map { [k] + $0 } }
    }
    func visit(_ i: Int, placed: Int, total: Double) {
        if i == demand.count {
            if placed > best.placed || (placed == best.placed && total < best.cost - 1e-9) { best = (placed, total) }
            return
        }
        let options = cost[i].indices.filter { cost[i][$0] != nil }
        for split in splits(demand[i], options) {
            guard zip(options, split).allSatisfy({ room[$0] >= $1 }) else { continue }
            for (j, k) in zip(options, split) { room[j] -= k }
            let c = zip(options, split).reduce(0.0) { $0 + Double($1.1) * cost[i][$1.0]! }
            visit(i + 1, placed: placed + split.reduce(0, +), total: total + c)
            for (j, k) in zip(options, split) { room[j] += k }
        }
    }
    visit(0, placed: 0, total: 0)
    return best
}

/// Optimality certificate for a flow: the residual graph has no negative-cost cycle
/// (Bellman–Ford from a virtual root), and no augmenting path from source to sink remains.
private func isMinCostMaxFlow(_ s: Scenario, _ r: CapacityAssignmentResult) -> Bool {
    let n = s.demand.count, m = s.supply.count, source = n + m, sink = n + m + 1
    var arcs: [(Int, Int, Double)] = []
    var flow = [[Double]](repeating: [Double](repeating: 0, count: m), count: n)
    for f in r.flows { flow[f.demand][f.supply] += f.amount }
    let eps = 1e-7
    for i in 0..<n {
        let placed = flow[i].reduce(0, +)
        if placed < s.demand[i].demand - eps { arcs.append((source, i, 0)) }
        if placed > eps { arcs.append((i, source, 0)) }
        for j in 0..<m {
            guard let c = within(s, i, j) else { continue }
            arcs.append((i, n + j, c))
            if flow[i][j] > eps { arcs.append((n + j, i, -c)) }
        }
    }
    for j in 0..<m {
        let load = (0..<n).reduce(0) { $0 + flow[$1][j] }
        if load < s.supply[j].capacity - eps { arcs.append((n + j, sink, 0)) }
        if load > eps { arcs.append((sink, n + j, 0)) }
    }
    // Max flow: sink unreachable from source in the residual graph.
    var seen: Set<Int> = [source], stack = [source]
    while let u = stack.popLast() {
        for (a, b, _) in arcs where a == u && seen.insert(b).inserted { stack.append(b) }
    }
    if seen.contains(sink) { return false }
    // Min cost: no negative cycle.
    var dist = [Double](repeating: 0, count: n + m + 2)
    for _ in 0..<(n + m + 2) {
        for (a, b, c) in arcs where dist[a] + c < dist[b] - 1e-7 { dist[b] = dist[a] + c }
    }
    return !arcs.contains { dist[$0.0] + $0.2 < dist[$0.1] - 1e-7 }
}

// MARK: - Tests

@Suite struct SeatBalanceTests {
    @Test func districtWithThousandChildrenAndEightHundredSeatsLacksTwoHundred() throws {
        let children = DemandSite(id: "zhetysu", population: 5_000, weight: 0.2, groups: [GroupKey.district: "Жетысуский"])
        let schools = [SupplySite(id: "school-1", capacity: 500, groups: [GroupKey.district: "Жетысуский"]),
                       SupplySite(id: "school-2", capacity: 300, groups: [GroupKey.district: "Жетысуский"])]
        let r = try SeatBalance.measure(demand: [children], supply: schools, groupKey: GroupKey.district,
                                        normSeatsPerThousand: 180, norm: "school-places-per-1000")
        #expect(r.rows.count == 1)
        #expect(r.rows[0].demand == 1_000 && r.rows[0].seats == 800 && r.rows[0].deficit == 200)
        #expect(r.rows[0].seatsPerThousand == 160)
        #expect(r.rows[0].normSeats == 900 && r.rows[0].normDeficit == 100)
        #expect(r.parameters.norm == "school-places-per-1000")
    }

    @Test func surplusInOneDistrictDoesNotSeatAnotherDistrictsChildren() throws {
        let demand = [DemandSite(id: "a", population: 100, groups: ["district": "A"]),
                      DemandSite(id: "b", population: 100, groups: ["district": "B"])]
        let supply = [SupplySite(id: "sa", capacity: 150, groups: ["district": "A"]),
                      SupplySite(id: "sc", capacity: 10, groups: ["district": "C"])]
        let r = try SeatBalance.measure(demand: demand, supply: supply, groupKey: "district")
        #expect(r.rows.map(\.group) == ["A", "B", "C"])
        #expect(r.rows.map(\.deficit) == [0, 100, 0])
        #expect(r.rows.map(\.surplus) == [50, 0, 10])
        #expect(r.total.deficit == 40)
        #expect(r.rows[2].seatsPerThousand == nil)
    }
}

@Suite struct CapacityAssignmentTests {
    @Test func exactAssignmentMatchesExhaustiveSearchOnTinyCases() async {
        await propertyCheck(count: 150, input: Gen.int(in: 0...Int.max)) { seed in
            var rng = seeded(seed)
            var s = randomScenario(using: &rng, maxDemand: 3, maxSupply: 3, maxPopulation: 3)
            for i in s.demand.indices { s.demand[i].weight = 1 }
            let r = try! CapacityAssignment.assign(demand: s.demand, supply: s.supply, costs: s.costs, cutoff: s.cutoff)
            let cut = s.matrix.indices.map { i in s.supply.indices.map { within(s, i, $0) } }
            let best = exhaustiveAssignment(demand: s.demand.map { Int($0.population) },
                                            capacity: s.supply.map { Int($0.capacity) }, cost: cut)
            #expect(close(r.assignedDemand, Double(best.placed)), "seed \(seed)")
            #expect(close(r.totalCost, best.cost, tolerance: 1e-7), "seed \(seed)")
        }
    }

    @Test func exactAssignmentIsCertifiedOptimalAndGreedyNeverBeatsIt() async {
        await propertyCheck(count: 150, input: Gen.int(in: 0...Int.max)) { seed in
            var rng = seeded(seed)
            let s = randomScenario(using: &rng)
            let exact = try! CapacityAssignment.assign(demand: s.demand, supply: s.supply, costs: s.costs, cutoff: s.cutoff)
            let greedy = try! CapacityAssignment.assign(demand: s.demand, supply: s.supply, costs: s.costs, cutoff: s.cutoff,
                                                        method: .greedyNearestWithCapacity)
            #expect(isMinCostMaxFlow(s, exact), "seed \(seed)")
            #expect(greedy.parameters.method == .greedyNearestWithCapacity)
            #expect(exact.assignedDemand >= greedy.assignedDemand - 1e-7)
            if close(exact.assignedDemand, greedy.assignedDemand) {
                #expect(exact.totalCost <= greedy.totalCost + 1e-6)
            }
            for r in [exact, greedy] {
                for f in r.facilities { #expect(f.assigned <= f.capacity + 1e-7) }
                for f in r.flows { #expect(within(s, f.demand, f.supply) == f.cost) }
                #expect(close(r.assignedDemand + r.unservedDemand, r.totalDemand))
            }
        }
    }

    @Test func overloadedFacilityAndUnservedVillageAreListed() throws {
        // Two villages share one nearby clinic of 100; the far village also reaches a second one.
        let demand = [DemandSite(id: "near", population: 150), DemandSite(id: "far", population: 80)]
        let supply = [SupplySite(id: "clinic", capacity: 100), SupplySite(id: "annex", capacity: 60)]
        let costs = try DenseCostMatrix(unit: .seconds, supplyCount: 2, costs: [[300, nil], [600, 900]])
        let r = try CapacityAssignment.assign(demand: demand, supply: supply, costs: costs, cutoff: 1_800)
        #expect(r.overloaded.map(\.id) == ["clinic"])
        #expect(r.overloaded[0].firstChoiceDemand == 230 && r.overloaded[0].overload == 130)
        // Optimal: the clinic is cheaper for "near" (300 s) than for "far" (600 s), so it takes
        // 100 of "near"; "far" fills the annex (60). Left out: 50 of "near", 20 of "far".
        #expect(r.assignedDemand == 160)
        #expect(r.unserved.map(\.id) == ["near", "far"])
        #expect(r.unserved.map(\.unserved) == [50, 20])
        #expect(close(r.unservedDemand, 70))
    }
}
