import Foundation

/// One band of a stepwise decay (E2SFCA): costs up to `upTo` (inclusive) get `weight`.
public struct DecayBand: Codable, Sendable, Equatable {
    public var upTo: Double
    public var weight: Double
    public init(upTo: Double, weight: Double) {
        self.upTo = upTo
        self.weight = weight
    }
}

/// How much a facility counts at a given travel cost, inside the catchment cutoff. The choice
/// of decay is what distinguishes the floating-catchment family.
public enum DistanceDecay: Codable, Sendable, Equatable {
    /// Weight 1 everywhere inside the cutoff: the classic 2SFCA.
    case uniform
    /// Stepwise weights per band, bands in increasing `upTo`; beyond the last band, 0 (E2SFCA).
    case steps([DecayBand])
    /// `max(cost, minimumCost)^-exponent`: the gravity model's power decay; `minimumCost`
    /// keeps a facility at zero cost from getting infinite weight.
    case power(exponent: Double, minimumCost: Double)
    /// `exp(-½ (cost / bandwidth)²)`: the Gaussian kernel.
    case gaussian(bandwidth: Double)

    public func weight(at cost: Double) -> Double {
        switch self {
        case .uniform:
            return 1
        case let .steps(bands):
            return bands.first { cost <= $0.upTo }?.weight ?? 0
        case let .power(exponent, minimumCost):
            return pow(max(cost, minimumCost), -exponent)
        case let .gaussian(bandwidth):
            let z = cost / bandwidth
            return exp(-0.5 * z * z)
        }
    }

    var method: AccessMethod {
        switch self {
        case .uniform: return .twoStepFloatingCatchment
        case .steps: return .enhancedTwoStepFloatingCatchment
        case .power, .gaussian: return .gravity
        }
    }

    func validate() throws {
        func bad(_ reason: String) -> AccessError {
            AccessError.invalidParameter(name: "decay", value: "\(self)", reason: reason)
        }
        switch self {
        case .uniform:
            return
        case let .steps(bands):
            guard !bands.isEmpty else { throw bad("needs at least one band") }
            guard zip(bands, bands.dropFirst()).allSatisfy({ $0.upTo < $1.upTo }) else { throw bad("bands must have increasing upTo") }
            guard bands.allSatisfy({ $0.weight.isFinite && $0.weight >= 0 }) else { throw bad("weights must be finite and >= 0") }
        case let .power(exponent, minimumCost):
            guard exponent.isFinite, exponent >= 0 else { throw bad("exponent must be finite and >= 0") }
            guard minimumCost.isFinite, minimumCost > 0 else { throw bad("minimumCost must be > 0") }
        case let .gaussian(bandwidth):
            guard bandwidth.isFinite, bandwidth > 0 else { throw bad("bandwidth must be > 0") }
        }
    }
}
