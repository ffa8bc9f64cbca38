/// Why a destination (or origin) could not be reached over the network.
public enum UnreachableReason: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The point is farther than the snap limit from any street the profile may use.
    case offNetwork(distanceMetres: Double)
    /// Origin and destination lie on streets that do not connect for this profile.
    case differentComponent
    /// Connected (ignoring direction) but one-way streets allow no path this way round.
    case noDirectedPath
    /// Reachable, but not within the requested time or distance limit.
    case beyondLimit

    public var description: String {
        switch self {
        case .offNetwork(let d): "more than the snap limit from the network (\(Int(d.rounded())) m from the nearest street)"
        case .differentComponent: "on a part of the network that does not connect to the origin"
        case .noDirectedPath: "no path in this direction (one-way streets)"
        case .beyondLimit: "beyond the requested limit"
        }
    }
}

/// A result that is either reached with a value or unreachable with a reason.
public enum Reach<Value> {
    case reached(Value)
    case unreachable(UnreachableReason)

    public var value: Value? {
        if case .reached(let v) = self { return v }
        return nil
    }

    public var reason: UnreachableReason? {
        if case .unreachable(let r) = self { return r }
        return nil
    }
}

extension Reach: Sendable where Value: Sendable {}
extension Reach: Equatable where Value: Equatable {}

/// Travel time and network distance of one origin-destination pair, including the straight
/// off-network legs at both ends.
public struct TravelMeasure: Sendable, Equatable, Hashable {
    public var seconds: Double
    public var metres: Double

    public init(seconds: Double, metres: Double) { self.seconds = seconds; self.metres = metres }
}
