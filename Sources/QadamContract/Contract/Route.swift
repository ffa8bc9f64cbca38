extension RPC {
    /// `route`: the fastest way between two points for a profile, with its length, time and
    /// geometry (straight legs to and from the network included).
    public enum Route: RPCMethod {
        public static let name = "route"

        /// The travel parameters are members of the same object (`travel` gathers them).
        public struct Params: Codable, Sendable, Equatable {
            public var from: Coordinate
            public var to: Coordinate
            public var profile: TravelProfile?
            public var speedKmh: Double?
            public var maxSnapM: Double?

            public init(from: Coordinate, to: Coordinate, travel: TravelParams = TravelParams()) {
                self.from = from; self.to = to
                self.profile = travel.profile; self.speedKmh = travel.speedKmh; self.maxSnapM = travel.maxSnapM
            }

            public var travel: TravelParams { TravelParams(profile: profile, speedKmh: speedKmh, maxSnapM: maxSnapM) }

            enum CodingKeys: String, CodingKey {
                case from, to, profile, speedKmh = "speed_kmh", maxSnapM = "max_snap_m"
            }
        }

        /// The travel echo's members come first (`travel` gathers them); length, time and
        /// geometry are absent when there is no route, and `reason` says why.
        public struct Result: Codable, Sendable, Equatable {
            public var profile: TravelProfile
            public var speedKmh: Double
            public var maxSnapM: Double
            public var from: Coordinate
            public var to: Coordinate
            public var reachable: Bool
            public var reason: Unreachable?
            public var lengthM: Double?
            public var timeS: Double?
            public var geometry: LineString?

            /// A route found.
            public init(from: Coordinate, to: Coordinate, travel: TravelEcho, lengthM: Double, timeS: Double, geometry: LineString) {
                profile = travel.profile; speedKmh = travel.speedKmh; maxSnapM = travel.maxSnapM
                self.from = from; self.to = to; reachable = true; reason = nil
                self.lengthM = lengthM; self.timeS = timeS; self.geometry = geometry
            }

            /// No route, and why.
            public init(from: Coordinate, to: Coordinate, travel: TravelEcho, unreachable reason: Unreachable) {
                profile = travel.profile; speedKmh = travel.speedKmh; maxSnapM = travel.maxSnapM
                self.from = from; self.to = to; reachable = false; self.reason = reason
            }

            public var travel: TravelEcho { TravelEcho(profile: profile, speedKmh: speedKmh, maxSnapM: maxSnapM) }

            enum CodingKeys: String, CodingKey {
                case profile, speedKmh = "speed_kmh", maxSnapM = "max_snap_m", from, to, reachable, reason
                case lengthM = "length_m", timeS = "time_s", geometry
            }
        }
    }
}
