extension RPC {
    /// `isochrone`: the area reachable from a point within each of several times, as nested
    /// polygons (the reached streets buffered by `buffer_m` and dissolved), and on request the
    /// reached street pieces themselves.
    public enum Isochrone: RPCMethod {
        public static let name = "isochrone"

        /// The travel parameters are members of the same object (`travel` gathers them).
        public struct Params: Codable, Sendable, Equatable {
            public var from: Coordinate
            /// Absent: 5, 10 and 15.
            public var minutes: [Double]?
            /// Absent: 50 m.
            public var bufferM: Double?
            public var includeEdges: Bool?
            public var profile: TravelProfile?
            public var speedKmh: Double?
            public var maxSnapM: Double?

            public init(from: Coordinate, minutes: [Double]? = nil, bufferM: Double? = nil, includeEdges: Bool? = nil,
                        travel: TravelParams = TravelParams()) {
                self.from = from; self.minutes = minutes; self.bufferM = bufferM; self.includeEdges = includeEdges
                self.profile = travel.profile; self.speedKmh = travel.speedKmh; self.maxSnapM = travel.maxSnapM
            }

            public var travel: TravelParams { TravelParams(profile: profile, speedKmh: speedKmh, maxSnapM: maxSnapM) }

            enum CodingKeys: String, CodingKey {
                case from, minutes, bufferM = "buffer_m", includeEdges = "include_edges"
                case profile, speedKmh = "speed_kmh", maxSnapM = "max_snap_m"
            }
        }

        /// The travel echo's members come first (`travel` gathers them); `isochrones` is empty
        /// when the origin is off the network, and `reason` says why.
        public struct Result: Codable, Sendable, Equatable {
            public var profile: TravelProfile
            public var speedKmh: Double
            public var maxSnapM: Double
            public var from: Coordinate
            /// The times asked for, ascending and distinct.
            public var minutes: [Double]
            public var bufferM: Double
            public var reachable: Bool
            public var reason: Unreachable?
            /// One band per time, innermost first; each area includes the ones inside it.
            public var isochrones: [Band]

            public init(travel: TravelEcho, from: Coordinate, minutes: [Double], bufferM: Double, reason: Unreachable?, isochrones: [Band]) {
                profile = travel.profile; speedKmh = travel.speedKmh; maxSnapM = travel.maxSnapM
                self.from = from; self.minutes = minutes; self.bufferM = bufferM
                reachable = reason == nil; self.reason = reason; self.isochrones = isochrones
            }

            public var travel: TravelEcho { TravelEcho(profile: profile, speedKmh: speedKmh, maxSnapM: maxSnapM) }

            enum CodingKeys: String, CodingKey {
                case profile, speedKmh = "speed_kmh", maxSnapM = "max_snap_m", from, minutes, bufferM = "buffer_m"
                case reachable, reason, isochrones
            }

            public struct Band: Codable, Sendable, Equatable {
                public var minutes: Double
                public var reachedVertices: Int
                /// A GeoJSON Polygon or MultiPolygon.
                public var geometry: JSONValue
                /// With `include_edges`: the reached street pieces as a GeoJSON MultiLineString.
                public var edges: JSONValue?

                public init(minutes: Double, reachedVertices: Int, geometry: JSONValue, edges: JSONValue?) {
                    self.minutes = minutes; self.reachedVertices = reachedVertices; self.geometry = geometry; self.edges = edges
                }

                enum CodingKeys: String, CodingKey { case minutes, reachedVertices = "reached_vertices", geometry, edges }
            }
        }
    }
}
