extension RPC {
    /// `nearest`: the k nearest facilities of one kind from a point, over the street network.
    public enum Nearest: RPCMethod {
        public static let name = "nearest"

        /// The travel parameters are members of the same object (`travel` gathers them).
        public struct Params: Codable, Sendable, Equatable {
            public var kind: FacilityKind
            public var from: Coordinate
            /// Absent: 1.
            public var k: Int?
            /// Each facility's path as a LineString (absent: false).
            public var includePath: Bool?
            public var profile: TravelProfile?
            public var speedKmh: Double?
            public var maxSnapM: Double?

            public init(kind: FacilityKind, from: Coordinate, k: Int? = nil, includePath: Bool? = nil, travel: TravelParams = TravelParams()) {
                self.kind = kind; self.from = from; self.k = k; self.includePath = includePath
                self.profile = travel.profile; self.speedKmh = travel.speedKmh; self.maxSnapM = travel.maxSnapM
            }

            public var travel: TravelParams { TravelParams(profile: profile, speedKmh: speedKmh, maxSnapM: maxSnapM) }

            enum CodingKeys: String, CodingKey {
                case kind, from, k, includePath = "include_path", profile, speedKmh = "speed_kmh", maxSnapM = "max_snap_m"
            }
        }

        /// The travel echo's members come first, beside the others (`travel` gathers them).
        public struct Result: Codable, Sendable, Equatable {
            public var profile: TravelProfile
            public var speedKmh: Double
            public var maxSnapM: Double
            public var kind: FacilityKind
            public var from: Coordinate
            public var k: Int
            public var reachable: Bool
            /// Why nothing was reached, when `reachable` is false.
            public var reason: Unreachable?
            /// Nearest first.
            public var facilities: [Hit]

            public init(kind: FacilityKind, from: Coordinate, k: Int, travel: TravelEcho, reason: Unreachable?, facilities: [Hit]) {
                profile = travel.profile; speedKmh = travel.speedKmh; maxSnapM = travel.maxSnapM
                self.kind = kind; self.from = from; self.k = k
                self.reachable = reason == nil; self.reason = reason; self.facilities = facilities
            }

            public var travel: TravelEcho { TravelEcho(profile: profile, speedKmh: speedKmh, maxSnapM: maxSnapM) }

            enum CodingKeys: String, CodingKey {
                case profile, speedKmh = "speed_kmh", maxSnapM = "max_snap_m", kind, from, k, reachable, reason, facilities
            }

            public struct Hit: Codable, Sendable, Equatable {
                public var id: String
                public var name: String?
                public var kind: FacilityKind
                public var point: Coordinate
                public var lengthM: Double
                public var timeS: Double
                /// With `include_path`.
                public var path: LineString?

                public init(id: String, name: String?, kind: FacilityKind, point: Coordinate, lengthM: Double, timeS: Double, path: LineString?) {
                    self.id = id; self.name = name; self.kind = kind; self.point = point
                    self.lengthM = lengthM; self.timeS = timeS; self.path = path
                }

                enum CodingKeys: String, CodingKey {
                    case id, name, kind, point, lengthM = "length_m", timeS = "time_s", path
                }
            }
        }
    }
}
