import QadamContract

/// Travel costs stored as compressed sparse rows, sorted by cost within each row, so that a
/// cutoff query is a binary search. This is the shape a many-to-many network search with a
/// horizon produces; build it once per snapshot and share it across queries.
public struct SparseCostRows: TravelCosts {
    public let unit: CostUnit
    public let supplyCount: Int
    /// The largest cost the producer searched to; costs beyond it are unknown, not infinite.
    public let horizon: Double
    private let offsets: [Int]
    private let entries: [ReachableSupply]

    public var demandCount: Int { offsets.count - 1 }

    /// - Parameter rows: per demand site, the reachable facilities in any order; entries with
    ///   cost beyond `horizon` are dropped.
    public init(unit: CostUnit, supplyCount: Int, horizon: Double = .infinity, rows: [[ReachableSupply]]) throws {
        var offsets = [0]
        var entries: [ReachableSupply] = []
        offsets.reserveCapacity(rows.count + 1)
        for (i, row) in rows.enumerated() {
            var seen = Set<Int>()
            for e in row {
                guard (0..<supplyCount).contains(e.supply) else {
                    throw AccessError.invalidCost(row: i, supply: e.supply, cost: e.cost, reason: "supply index out of range 0..<\(supplyCount)")
                }
                guard !e.cost.isNaN, e.cost >= 0 else {
                    throw AccessError.invalidCost(row: i, supply: e.supply, cost: e.cost, reason: "costs must be >= 0")
                }
                guard seen.insert(e.supply).inserted else {
                    throw AccessError.invalidCost(row: i, supply: e.supply, cost: e.cost, reason: "facility listed twice in one row")
                }
            }
            entries += row.filter { $0.cost <= horizon && $0.cost.isFinite }.sorted(by: ReachableSupply.precedes)
            offsets.append(entries.count)
        }
        self.unit = unit
        self.supplyCount = supplyCount
        self.horizon = horizon
        self.offsets = offsets
        self.entries = entries
    }

    /// Materialises another source up to `horizon`, e.g. to freeze an expensive one for reuse.
    public init(_ source: some TravelCosts, horizon: Double) throws {
        try self.init(unit: source.unit, supplyCount: source.supplyCount, horizon: horizon,
                      rows: (0..<source.demandCount).map { source.reachable(from: $0, within: horizon) })
    }

    public func reachable(from demand: Int, within cutoff: Double) -> [ReachableSupply] {
        let start = offsets[demand]
        var lo = start, hi = offsets[demand + 1]
        while lo < hi {
            let mid = (lo + hi) / 2
            if entries[mid].cost <= cutoff { lo = mid + 1 } else { hi = mid }
        }
        return Array(entries[start..<lo])
    }

    public func nearest(from demand: Int) -> ReachableSupply? {
        offsets[demand] < offsets[demand + 1] ? entries[offsets[demand]] : nil
    }
}
