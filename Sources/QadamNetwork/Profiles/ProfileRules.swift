import Foundation
import QadamContract

/// What each profile may do on one way: seconds per metre forward (in the way's node order)
/// and backward, or nil where the profile may not go. The table behind it is docs/profiles.md.
public struct WayAccess: Sendable, Equatable {
    /// Lane `2 * profile.index` forward, `+ 1` backward; NaN where not allowed. Inline
    /// (no heap storage), because the graph builder keeps one per way run.
    private var lanes = SIMD8<Float>(repeating: .nan)

    public init(walk: (Float?, Float?), wheelchair: (Float?, Float?), drive: (Float?, Float?)) {
        for (i, value) in [walk.0, walk.1, wheelchair.0, wheelchair.1, drive.0, drive.1].enumerated() {
            lanes[i] = value ?? .nan
        }
    }

    public func secondsPerMetre(_ profile: TravelProfile, forward: Bool) -> Float? {
        let value = lanes[2 * profile.index + (forward ? 0 : 1)]
        return value.isNaN ? nil : value
    }

    /// True when some profile may use the way in some direction.
    public var isUsable: Bool { (0..<6).contains { !lanes[$0].isNaN } }

    public static func == (a: WayAccess, b: WayAccess) -> Bool {
        (0..<8).allSatisfy { a.lanes[$0] == b.lanes[$0] || (a.lanes[$0].isNaN && b.lanes[$0].isNaN) }
    }

    /// Access from OSM tags, or nil when the way is not a street for any profile.
    public init?(tags: [String: String]) {
        guard let highway = tags["highway"], tags["area"] != "yes" else { return nil }
        let walk = ProfileRules.walkSecondsPerMetre(highway: highway, tags: tags)
        let wheelchair = ProfileRules.wheelchairSecondsPerMetre(highway: highway, tags: tags, walkable: walk != nil)
        let drive = ProfileRules.driveSecondsPerMetre(highway: highway, tags: tags)
        let (forward, backward) = ProfileRules.driveDirections(highway: highway, tags: tags)
        self.init(walk: (walk, walk), wheelchair: (wheelchair, wheelchair),
                  drive: (forward ? drive : nil, backward ? drive : nil))
        guard isUsable else { return nil }
    }
}

/// The tag rules of the three profiles. Pure functions of the tags, so they are easy to
/// test and to document one table at a time.
enum ProfileRules {
    static let walkHighways: Set<String> = [
        "footway", "path", "pedestrian", "steps", "living_street", "residential", "service",
        "unclassified", "track", "road", "tertiary", "tertiary_link", "secondary", "secondary_link",
        "primary", "primary_link", "trunk", "trunk_link", "corridor",
    ]
    /// Ways that are walkable only when tagged `foot=yes|designated|permissive`.
    static let walkIfFootAllowed: Set<String> = ["cycleway", "bridleway"]
    static let allowing: Set<String> = ["yes", "designated", "permissive", "official"]
    static let forbidding: Set<String> = ["no", "private"]

    static func walkSecondsPerMetre(highway: String, tags: [String: String]) -> Float? {
        let foot = tags["foot"]
        if let foot, forbidding.contains(foot) { return nil }
        let footAllowed = foot.map(allowing.contains) ?? false
        if !footAllowed {
            if let access = tags["access"], forbidding.contains(access) { return nil }
            if tags["service"] == "private" { return nil }
            if !walkHighways.contains(highway) { return nil }
        } else if !walkHighways.contains(highway) && !walkIfFootAllowed.contains(highway) && highway != "motorway_link" {
            return nil
        }
        if tags["sidewalk"] == "no", ["trunk", "trunk_link"].contains(highway), !footAllowed { return nil }
        return Float(3.6 / TravelProfile.walk.defaultSpeedKmh)
    }

    static let roughSurfaces: Set<String> = ["sett", "cobblestone", "unhewn_cobblestone", "compacted", "fine_gravel", "grass_paver"]
    static let unpavedSurfaces: Set<String> = ["unpaved", "gravel", "dirt", "ground", "earth", "grass", "sand", "mud", "pebblestone", "rock", "woodchips"]
    static let badSmoothness: Set<String> = ["bad", "very_bad", "horrible", "very_horrible", "impassable"]

    /// The wheelchair profile: walkable ways minus steps and `wheelchair=no`, at a slower base
    /// speed, with a time penalty factor for rough (1.5x) and unpaved (2x) surfaces and bad
    /// smoothness (1.5x, multiplied). `wheelchair=yes|designated` admits a way even if steps.
    static func wheelchairSecondsPerMetre(highway: String, tags: [String: String], walkable: Bool) -> Float? {
        let wheelchair = tags["wheelchair"]
        if wheelchair == "no" { return nil }
        let explicitlyAllowed = wheelchair.map(allowing.contains) ?? false
        guard walkable || explicitlyAllowed else { return nil }
        if highway == "steps" && !explicitlyAllowed { return nil }
        if ["impassable", "very_horrible", "horrible"].contains(tags["smoothness"] ?? "") { return nil }
        var factor: Double = 1
        if let surface = tags["surface"] {
            if roughSurfaces.contains(surface) { factor *= 1.5 } else if unpavedSurfaces.contains(surface) { factor *= 2 }
        } else if ["path", "track"].contains(highway) {
            factor *= 1.5  // unknown surface on a path or track: assume rough
        }
        if let smoothness = tags["smoothness"], badSmoothness.contains(smoothness) { factor *= 1.5 }
        return Float(3.6 / TravelProfile.wheelchair.defaultSpeedKmh * factor)
    }

    /// Default drive speeds by road class in km/h (Kazakh rules: 60 in towns, 90 outside,
    /// 110 on motorways; a typical urban flow speed below the limit on minor roads).
    static let driveSpeedKmh: [String: Double] = [
        "motorway": 100, "motorway_link": 60, "trunk": 80, "trunk_link": 50,
        "primary": 60, "primary_link": 40, "secondary": 50, "secondary_link": 35,
        "tertiary": 40, "tertiary_link": 30, "unclassified": 30, "residential": 30,
        "road": 30, "living_street": 10, "service": 15, "track": 15,
    ]

    static func driveSecondsPerMetre(highway: String, tags: [String: String]) -> Float? {
        guard let classSpeed = driveSpeedKmh[highway] else { return nil }
        for key in ["motor_vehicle", "motorcar", "vehicle", "access"] {
            if let value = tags[key] {
                if forbidding.contains(value) || value == "destination" && key == "access" && highway == "service" { return nil }
                if allowing.contains(value) { break }
            }
        }
        if tags["service"] == "parking_aisle" || tags["service"] == "driveway" { return nil }
        let speed = tags["maxspeed"].flatMap(parseMaxspeed).map { min($0, classSpeed * 1.2) } ?? classSpeed
        return Float(3.6 / speed)
    }

    /// `maxspeed` in km/h: a number, a number with "mph", or a zone like `RU:urban`.
    static func parseMaxspeed(_ value: String) -> Double? {
        let text = value.trimmingCharacters(in: .whitespaces).lowercased()
        if text == "walk" { return 5 }
        if text.hasSuffix(":urban") { return 60 }
        if text.hasSuffix(":rural") { return 90 }
        if text.hasSuffix(":motorway") { return 110 }
        if text.hasSuffix(":living_street") { return 20 }
        let isMph = text.hasSuffix("mph")
        let digits = text.prefix { $0.isNumber || $0 == "." }
        guard let number = Double(digits), number > 0 else { return nil }
        return isMph ? number * 1.609344 : number
    }

    /// (forward allowed, backward allowed) for drive: `oneway`, roundabouts and motorways.
    static func driveDirections(highway: String, tags: [String: String]) -> (Bool, Bool) {
        switch tags["oneway"] {
        case "yes", "true", "1": return (true, false)
        case "-1", "reverse": return (false, true)
        case "no", "false", "0": return (true, true)
        default:
            if tags["junction"] == "roundabout" || tags["junction"] == "circular" || highway == "motorway" {
                return (true, false)
            }
            return (true, true)
        }
    }
}
