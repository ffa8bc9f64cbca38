/// How someone moves along the street network. Each profile decides which ways it may use,
/// in which direction, and how long a metre of each takes (see docs/profiles.md).
public enum TravelProfile: String, ClosedVocabulary, CustomStringConvertible {
    case walk
    case wheelchair
    case drive

    public static let wordName = "a travel profile"

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
