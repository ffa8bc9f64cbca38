import QadamContract

extension TravelProfile {
    /// Dense index for per-profile arrays in the graph.
    var index: Int {
        switch self {
        case .walk: 0
        case .wheelchair: 1
        case .drive: 2
        }
    }
}

/// A profile plus the speed of this query. Stored edge costs assume the profile's default
/// speed; asking for another speed scales every network cost by `default / speed`, and for
/// walk and wheelchair the off-network leg is walked at the requested speed too.
public struct TravelMode: Sendable, Hashable, Codable {
    public var profile: TravelProfile
    public var speedKmh: Double

    public init(profile: TravelProfile, speedKmh: Double? = nil) {
        self.profile = profile
        self.speedKmh = speedKmh ?? profile.defaultSpeedKmh
    }

    public static let walk = TravelMode(profile: .walk)
    public static let wheelchair = TravelMode(profile: .wheelchair)
    public static let drive = TravelMode(profile: .drive)

    /// Multiplier from stored costs (at the default speed) to this mode's seconds.
    var costScale: Double { profile.defaultSpeedKmh / speedKmh }

    /// Seconds per metre of the straight leg from a point to its snap on the network.
    var offNetworkSecondsPerMetre: Double {
        switch profile {
        case .walk, .wheelchair: 3.6 / speedKmh
        case .drive: 3.6 / profile.offNetworkSpeedKmh
        }
    }
}
