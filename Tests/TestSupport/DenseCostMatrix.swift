import QadamMeasures
import QadamContract

/// A full demand × supply cost matrix: for tests, hand-checked examples and tiny inputs.
/// `nil` or `+infinity` means "not reachable".
public struct DenseCostMatrix: TravelCosts {
    public let unit: CostUnit
    public let demandCount: Int
    public let supplyCount: Int
    private let costs: [[Double?]]

    /// - Parameter costs: one row per demand site, one column per supply site.
    public init(unit: CostUnit, supplyCount: Int, costs: [[Double?]]) throws {
        for (i, row) in costs.enumerated() {
            if row.count != supplyCount {
                throw AccessError.dimensionMismatch(what: "columns in cost row \(i)", expected: supplyCount, actual: row.count)
            }
            for (j, c) in row.enumerated() {
                if let c, c.isNaN || c < 0 {
                    throw AccessError.invalidCost(row: i, supply: j, cost: c, reason: "costs must be >= 0")
                }
            }
        }
        self.unit = unit
        self.demandCount = costs.count
        self.supplyCount = supplyCount
        self.costs = costs
    }

    public func cost(from demand: Int, to supply: Int) -> Double? {
        costs[demand][supply].flatMap { $0.isFinite ? $0 : nil }
    }

    public func reachable(from demand: Int, within cutoff: Double) -> [ReachableSupply] {
        costs[demand].indices
            .compactMap { j in cost(from: demand, to: j).flatMap { $0 <= cutoff ? ReachableSupply(supply: j, cost: $0) : nil } }
            .sorted(by: ReachableSupply.precedes)
    }
}
