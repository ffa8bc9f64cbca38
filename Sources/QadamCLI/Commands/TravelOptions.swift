import ArgumentParser
import Foundation
import QadamContract

/// `--profile`, `--speed-kmh` and `--max-snap-m`, shared by the street network commands; they
/// become the methods' `profile`, `speed_kmh` and `max_snap_m` parameters. The old spellings
/// `--speed` and `--max-snap` are hidden deprecated aliases.
struct TravelOptions: ParsableArguments {
    @Option(help: "Travel profile.")
    var profile: TravelProfile = .walk

    @Option(name: .customLong("speed-kmh"), help: "Speed in km/h (default: the profile's, 4.8 walk, 3.6 wheelchair; drive scales road speeds from 50).")
    var speedKmh: Double?

    @Option(name: .customLong("max-snap-m"), help: "Points farther than this many metres from a usable street are off the network (default 500).")
    var maxSnapM: Double?

    @Option(name: .customLong("speed"), help: .hidden) var deprecatedSpeed: Double?
    @Option(name: .customLong("max-snap"), help: .hidden) var deprecatedMaxSnap: Double?

    func validate() throws {
        try DeprecatedSpelling.check(old: "--speed", given: deprecatedSpeed != nil, current: "--speed-kmh", alsoGiven: speedKmh != nil)
        try DeprecatedSpelling.check(old: "--max-snap", given: deprecatedMaxSnap != nil, current: "--max-snap-m", alsoGiven: maxSnapM != nil)
    }

    /// The travel parameters of a request of the contract.
    var travel: TravelParams {
        TravelParams(profile: profile, speedKmh: speedKmh ?? deprecatedSpeed, maxSnapM: maxSnapM ?? deprecatedMaxSnap)
    }
}
