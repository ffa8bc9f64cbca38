/// What the street network methods (`nearest`, `route`, `matrix`, `isochrone`) share on the
/// wire: the travel parameters every one of them takes and echoes, how an unreachable answer
/// is written, and a path as GeoJSON.

/// `profile`, `speed_kmh` and `max_snap_m`: members of the same params object as the
/// method's own fields (each method's Params embeds these).
public struct TravelParams: Codable, Sendable, Equatable {
    /// Absent: walk.
    public var profile: TravelProfile?
    /// Absent: the profile's speed.
    public var speedKmh: Double?
    /// Absent: `defaultMaxSnapMetres`.
    public var maxSnapM: Double?

    public static let defaultMaxSnapMetres = 500.0

    public init(profile: TravelProfile? = nil, speedKmh: Double? = nil, maxSnapM: Double? = nil) {
        self.profile = profile; self.speedKmh = speedKmh; self.maxSnapM = maxSnapM
    }

    enum CodingKeys: String, CodingKey {
        case profile, speedKmh = "speed_kmh", maxSnapM = "max_snap_m"
    }
}

/// The travel parameters an answer used, echoed in every network result so a stored answer
/// says how it was made.
public struct TravelEcho: Codable, Sendable, Equatable {
    public var profile: TravelProfile
    public var speedKmh: Double
    public var maxSnapM: Double

    public init(profile: TravelProfile, speedKmh: Double, maxSnapM: Double) {
        self.profile = profile; self.speedKmh = speedKmh; self.maxSnapM = maxSnapM
    }

    enum CodingKeys: String, CodingKey {
        case profile, speedKmh = "speed_kmh", maxSnapM = "max_snap_m"
    }
}

/// Why an answer has no route: `code` for programs, `message` for people, and for
/// `off_network` the distance to the nearest usable street when there is one, and the point
/// with its numbers swapped when that one is on the network (pasted from a web map as LAT, LON).
public struct Unreachable: Codable, Sendable, Equatable {
    public enum Code: String, Codable, Sendable, CaseIterable {
        case offNetwork = "off_network"
        case differentComponent = "different_component"
        case beyondLimit = "beyond_limit"
        case noDirectedPath = "no_directed_path"
        case noFacilities = "no_facilities"
    }

    public var code: Code
    public var message: String
    public var distanceM: Double?
    public var swappedPoint: Coordinate?

    public init(code: Code, message: String, distanceM: Double? = nil, swappedPoint: Coordinate? = nil) {
        self.code = code; self.message = message; self.distanceM = distanceM; self.swappedPoint = swappedPoint
    }

    /// One line for people: "off_network: the point is 812 m from ...".
    public var line: String { "\(code.rawValue): \(message)" }

    enum CodingKeys: String, CodingKey {
        case code, message, distanceM = "distance_m", swappedPoint = "swapped_point"
    }
}

/// A GeoJSON LineString.
public struct LineString: Codable, Sendable, Equatable {
    public var coordinates: [Coordinate]

    public init(coordinates: [Coordinate]) { self.coordinates = coordinates }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let type = try c.decode(String.self, forKey: .type)
        guard type == "LineString" else {
            throw DecodingError.dataCorruptedError(forKey: .type, in: c, debugDescription: "must be \"LineString\", got \"\(type)\"")
        }
        coordinates = try c.decode([Coordinate].self, forKey: .coordinates)
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode("LineString", forKey: .type)
        try c.encode(coordinates, forKey: .coordinates)
    }

    enum CodingKeys: String, CodingKey { case type, coordinates }
}
