import QadamContract

/// Which algorithm produced a result; echoed so a report says how its numbers were made.
public enum AccessMethod: String, Codable, Sendable, Hashable {
    case coverage
    case seatBalance
    /// Exact capacity-aware assignment: min-cost max-flow by successive shortest paths.
    case minCostFlowAssignment
    /// Heuristic: pairs taken by increasing cost, each filled as far as capacity allows.
    case greedyNearestWithCapacity
    case twoStepFloatingCatchment
    case enhancedTwoStepFloatingCatchment
    case gravity
    case provision
    case serviceGaps
    case whatIf
    case greedyMaximalCoverage
    case agglomerationZoning
}

/// The parameters a result was computed with, carried inside every result.
public struct MeasureParameters: Codable, Sendable, Equatable {
    public var method: AccessMethod
    public var unit: CostUnit?
    public var cutoff: Double?
    public var decay: DistanceDecay?
    /// Id of the norm in the catalogue the thresholds came from, if any.
    public var norm: String?

    public init(method: AccessMethod, unit: CostUnit? = nil, cutoff: Double? = nil,
                decay: DistanceDecay? = nil, norm: String? = nil) {
        self.method = method
        self.unit = unit
        self.cutoff = cutoff
        self.decay = decay
        self.norm = norm
    }
}
