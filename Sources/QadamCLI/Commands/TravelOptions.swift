import ArgumentParser
import QadamProtocol

/// `--profile`, `--speed` and `--max-snap`, shared by the street network commands; they
/// become the methods' `profile`, `speed_kmh` and `max_snap_m` parameters.
struct TravelOptions: ParsableArguments {
    @Option(help: "Travel profile: walk, wheelchair, drive.")
    var profile: String = "walk"

    @Option(help: "Speed in km/h (default: the profile's, 4.8 walk, 3.6 wheelchair; drive scales road speeds from 50).")
    var speed: Double?

    @Option(help: "Points farther than this many metres from a usable street are off the network.")
    var maxSnap: Double?

    /// The request members these options set.
    var params: [String: JSONValue] {
        var members: [String: JSONValue] = ["profile": .string(profile)]
        if let speed { members["speed_kmh"] = .double(speed) }
        if let maxSnap { members["max_snap_m"] = .double(maxSnap) }
        return members
    }
}

/// Reads the `reason` object of an unreachable network answer as one line for people.
enum UnreachableText {
    static func line(_ result: JSONValue) -> String {
        let reason = result["reason"]
        let code = reason?["code"]?.stringValue ?? "unreachable"
        return "\(code): \(reason?["message"]?.stringValue ?? "no route")"
    }
}
