extension RPC {
    /// `route`: the fastest way between two points for a profile, with its length, time and
    /// geometry (straight legs to and from the network included).
    public enum Route: RPCMethod {
        public static let name = "route"

        public struct Params: Codable, Sendable, Equatable {
            public var from: Coordinate
            public var to: Coordinate
            public var travel: TravelParams

            public init(from: Coordinate, to: Coordinate, travel: TravelParams = TravelParams()) {
                self.from = from; self.to = to; self.travel = travel
            }

            enum CodingKeys: String, CodingKey { case from, to }

            public init(from decoder: Decoder) throws {
                let c = try decoder.container(keyedBy: CodingKeys.self)
                from = try c.decode(Coordinate.self, forKey: .from)
                to = try c.decode(Coordinate.self, forKey: .to)
                travel = try TravelParams(from: decoder)
            }

            public func encode(to encoder: Encoder) throws {
                try travel.encode(to: encoder)
                var c = encoder.container(keyedBy: CodingKeys.self)
                try c.encode(from, forKey: .from)
                try c.encode(to, forKey: .to)
            }
        }

        /// The travel echo's members sit beside the others (`profile`, `speed_kmh`, ...);
        /// length, time and geometry are absent when there is no route, and `reason` says why.
        public struct Result: Codable, Sendable, Equatable {
            public var from: Coordinate
            public var to: Coordinate
            public var travel: TravelEcho
            public var reachable: Bool
            public var reason: Unreachable?
            public var lengthM: Double?
            public var timeS: Double?
            public var geometry: LineString?

            /// A route found.
            public init(from: Coordinate, to: Coordinate, travel: TravelEcho, lengthM: Double, timeS: Double, geometry: LineString) {
                self.from = from; self.to = to; self.travel = travel; reachable = true; reason = nil
                self.lengthM = lengthM; self.timeS = timeS; self.geometry = geometry
            }

            /// No route, and why.
            public init(from: Coordinate, to: Coordinate, travel: TravelEcho, unreachable reason: Unreachable) {
                self.from = from; self.to = to; self.travel = travel; reachable = false; self.reason = reason
            }

            enum CodingKeys: String, CodingKey {
                case from, to, reachable, reason, lengthM = "length_m", timeS = "time_s", geometry
            }

            public init(from decoder: Decoder) throws {
                let c = try decoder.container(keyedBy: CodingKeys.self)
                from = try c.decode(Coordinate.self, forKey: .from)
                to = try c.decode(Coordinate.self, forKey: .to)
                reachable = try c.decode(Bool.self, forKey: .reachable)
                reason = try c.decodeIfPresent(Unreachable.self, forKey: .reason)
                lengthM = try c.decodeIfPresent(Double.self, forKey: .lengthM)
                timeS = try c.decodeIfPresent(Double.self, forKey: .timeS)
                geometry = try c.decodeIfPresent(LineString.self, forKey: .geometry)
                travel = try TravelEcho(from: decoder)
            }

            public func encode(to encoder: Encoder) throws {
                try travel.encode(to: encoder)
                var c = encoder.container(keyedBy: CodingKeys.self)
                try c.encode(from, forKey: .from)
                try c.encode(to, forKey: .to)
                try c.encode(reachable, forKey: .reachable)
                try c.encodeIfPresent(reason, forKey: .reason)
                try c.encodeIfPresent(lengthM, forKey: .lengthM)
                try c.encodeIfPresent(timeS, forKey: .timeS)
                try c.encodeIfPresent(geometry, forKey: .geometry)
            }
        }
    }
}
