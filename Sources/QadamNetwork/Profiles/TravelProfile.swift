/// How someone moves along the street network. Each profile decides which ways it may use,
/// in which direction, and how long a metre of each takes (see docs/profiles.md).
public enum TravelProfile: String, CaseIterable, Sendable, Codable, Hashable, CustomStringConvertible {
    case walk
    case wheelchair
    case drive

    /// Dense index for per-profile arrays in the graph.
    var index: Int {
        switch self {
        case .walk: 0
        case .wheelchair: 1
        case .drive: 2
        }
    }

    /// The speed the graph's stored costs assume, in km/h. For walk and wheelchair it is the
    /// travel speed on a smooth way; a query may ask for another speed and all costs scale.
    /// For drive it is the reference for scaling only: each road has its own speed.
    public var defaultSpeedKmh: Double {
        switch self {
        case .walk: 4.8
        case .wheelchair: 3.6
        case .drive: 50
        }
    }

    /// The speed of the straight leg between a point and the street it snaps to, in km/h:
    /// people walk (or roll) that leg, also when they then drive.
    public var offNetworkSpeedKmh: Double {
        switch self {
        case .walk: 4.8
        case .wheelchair: 3.6
        case .drive: 4.8
        }
    }

    public var description: String { rawValue }
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
