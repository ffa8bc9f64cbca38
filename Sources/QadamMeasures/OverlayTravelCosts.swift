import QadamContract

/// A scenario's travel costs as a cheap overlay on the base source: some facilities hidden,
/// new ones appended with a cost column each. The base is never copied, matching the
/// snapshot-plus-overlay design of what-if queries.
///
/// Supply indices: base facilities keep theirs (hidden ones are simply never returned);
/// added facility `k` gets index `base.supplyCount + k`.
public struct OverlayTravelCosts<Base: TravelCosts>: TravelCosts {
    public let base: Base
    public let removed: Set<Int>
    /// Per added facility, the cost from each demand site (nil = unreachable).
    public let added: [[Double?]]

    public var unit: CostUnit { base.unit }
    public var demandCount: Int { base.demandCount }
    public var supplyCount: Int { base.supplyCount + added.count }

    public init(base: Base, removed: Set<Int> = [], added: [[Double?]] = []) throws {
        for j in removed where !(0..<base.supplyCount).contains(j) {
            throw AccessError.unknownSupply(index: j, count: base.supplyCount)
        }
        for (k, column) in added.enumerated() {
            if column.count != base.demandCount {
                throw AccessError.dimensionMismatch(what: "costs to added facility \(k)", expected: base.demandCount, actual: column.count)
            }
            for (i, c) in column.enumerated() {
                if let c, c.isNaN || c < 0 {
                    throw AccessError.invalidCost(row: i, supply: base.supplyCount + k, cost: c, reason: "costs must be >= 0")
                }
            }
        }
        self.base = base
        self.removed = removed
        self.added = added
    }

    public func reachable(from demand: Int, within cutoff: Double) -> [ReachableSupply] {
        var row = base.reachable(from: demand, within: cutoff)
        if !removed.isEmpty { row.removeAll { removed.contains($0.supply) } }
        let extra = added.indices.compactMap { k -> ReachableSupply? in
            guard let c = added[k][demand], c <= cutoff, c.isFinite else { return nil }
            return ReachableSupply(supply: base.supplyCount + k, cost: c)
        }
        return extra.isEmpty ? row : (row + extra).sorted(by: ReachableSupply.precedes)
    }
}
