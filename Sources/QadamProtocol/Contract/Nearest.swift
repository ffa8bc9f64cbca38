extension RPC {
    /// `nearest`: the k nearest facilities of one kind from a point, over the street network.
    public enum Nearest: RPCMethod {
        public static let name = "nearest"

        public struct Params: Codable, Sendable, Equatable {
            public var kind: FacilityKind
            public var from: Coordinate
            /// Absent: 1.
            public var k: Int?
            /// Each facility's path as a LineString (absent: false).
            public var includePath: Bool?
            public var travel: TravelParams

            public init(kind: FacilityKind, from: Coordinate, k: Int? = nil, includePath: Bool? = nil, travel: TravelParams = TravelParams()) {
                self.kind = kind; self.from = from; self.k = k; self.includePath = includePath; self.travel = travel
            }

            enum CodingKeys: String, CodingKey { case kind, from, k, includePath = "include_path" }

            public init(from decoder: Decoder) throws {
                let c = try decoder.container(keyedBy: CodingKeys.self)
                kind = try c.decode(FacilityKind.self, forKey: .kind)
                from = try c.decode(Coordinate.self, forKey: .from)
                k = try c.decodeIfPresent(Int.self, forKey: .k)
                includePath = try c.decodeIfPresent(Bool.self, forKey: .includePath)
                travel = try TravelParams(from: decoder)
            }

            public func encode(to encoder: Encoder) throws {
                try travel.encode(to: encoder)
                var c = encoder.container(keyedBy: CodingKeys.self)
                try c.encode(kind, forKey: .kind)
                try c.encode(from, forKey: .from)
                try c.encodeIfPresent(k, forKey: .k)
                try c.encodeIfPresent(includePath, forKey: .includePath)
            }
        }

        /// The travel echo's members sit beside the others (`profile`, `speed_kmh`, ...).
        public struct Result: Codable, Sendable, Equatable {
            public var kind: FacilityKind
            public var from: Coordinate
            public var k: Int
            public var travel: TravelEcho
            public var reachable: Bool
            /// Why nothing was reached, when `reachable` is false.
            public var reason: Unreachable?
            /// Nearest first.
            public var facilities: [Hit]

            public init(kind: FacilityKind, from: Coordinate, k: Int, travel: TravelEcho, reason: Unreachable?, facilities: [Hit]) {
                self.kind = kind; self.from = from; self.k = k; self.travel = travel
                self.reachable = reason == nil; self.reason = reason; self.facilities = facilities
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

            enum CodingKeys: String, CodingKey { case kind, from, k, reachable, reason, facilities }

            public init(from decoder: Decoder) throws {
                let c = try decoder.container(keyedBy: CodingKeys.self)
                kind = try c.decode(FacilityKind.self, forKey: .kind)
                from = try c.decode(Coordinate.self, forKey: .from)
                k = try c.decode(Int.self, forKey: .k)
                reachable = try c.decode(Bool.self, forKey: .reachable)
                reason = try c.decodeIfPresent(Unreachable.self, forKey: .reason)
                facilities = try c.decode([Hit].self, forKey: .facilities)
                travel = try TravelEcho(from: decoder)
            }

            public func encode(to encoder: Encoder) throws {
                try travel.encode(to: encoder)
                var c = encoder.container(keyedBy: CodingKeys.self)
                try c.encode(kind, forKey: .kind)
                try c.encode(from, forKey: .from)
                try c.encode(k, forKey: .k)
                try c.encode(reachable, forKey: .reachable)
                try c.encodeIfPresent(reason, forKey: .reason)
                try c.encode(facilities, forKey: .facilities)
            }
        }
    }
}
