/// The dataset layers a `matrix` side may name (`from_layer`, `to_layer`).
public enum MatrixLayer: String, ClosedVocabulary {
    case settlements, facilities, demand
    public static let wordName = "a matrix layer"
}

extension RPC {
    /// `matrix`: network length and time from every origin to every destination, as rows.
    ///
    /// Either side is a list of points (`from`/`to`; ids are their positions `0`, `1`, ...) or a
    /// dataset layer (`from_layer`/`to_layer`; ids are the features' ids, `*_kind` narrows
    /// facilities to one kind). Origins can be taken a page at a time (`from_offset`,
    /// `from_limit`), which is how `qadam matrix` streams a large matrix.
    public enum Matrix: RPCMethod {
        public static let name = "matrix"

        /// The travel parameters are members of the same object (`travel` gathers them).
        public struct Params: Codable, Sendable, Equatable {
            public var from: [Coordinate]?
            public var to: [Coordinate]?
            public var fromLayer: MatrixLayer?
            public var toLayer: MatrixLayer?
            public var fromKind: FacilityKind?
            public var toKind: FacilityKind?
            public var fromOffset: Int?
            public var fromLimit: Int?
            public var profile: TravelProfile?
            public var speedKmh: Double?
            public var maxSnapM: Double?

            /// Layer to layer, a page of origins at a time.
            public init(fromLayer: MatrixLayer, toLayer: MatrixLayer, fromKind: FacilityKind? = nil, toKind: FacilityKind? = nil,
                        fromOffset: Int? = nil, fromLimit: Int? = nil, travel: TravelParams = TravelParams()) {
                self.fromLayer = fromLayer; self.toLayer = toLayer; self.fromKind = fromKind; self.toKind = toKind
                self.fromOffset = fromOffset; self.fromLimit = fromLimit
                self.profile = travel.profile; self.speedKmh = travel.speedKmh; self.maxSnapM = travel.maxSnapM
            }

            public var travel: TravelParams { TravelParams(profile: profile, speedKmh: speedKmh, maxSnapM: maxSnapM) }

            enum CodingKeys: String, CodingKey {
                case from, to, fromLayer = "from_layer", toLayer = "to_layer", fromKind = "from_kind", toKind = "to_kind"
                case fromOffset = "from_offset", fromLimit = "from_limit", profile, speedKmh = "speed_kmh", maxSnapM = "max_snap_m"
            }
        }

        /// The travel echo's members come first (`travel` gathers them).
        public struct Result: Codable, Sendable, Equatable {
            public var profile: TravelProfile
            public var speedKmh: Double
            public var maxSnapM: Double
            /// All origins and destinations, whatever page this is.
            public var fromCount: Int
            public var toCount: Int
            /// The first origin of this page.
            public var fromOffset: Int
            /// Origin by origin, each with every destination.
            public var rows: [Row]

            public init(travel: TravelEcho, fromCount: Int, toCount: Int, fromOffset: Int, rows: [Row]) {
                profile = travel.profile; speedKmh = travel.speedKmh; maxSnapM = travel.maxSnapM
                self.fromCount = fromCount; self.toCount = toCount; self.fromOffset = fromOffset; self.rows = rows
            }

            public var travel: TravelEcho { TravelEcho(profile: profile, speedKmh: speedKmh, maxSnapM: maxSnapM) }

            enum CodingKeys: String, CodingKey {
                case profile, speedKmh = "speed_kmh", maxSnapM = "max_snap_m"
                case fromCount = "from_count", toCount = "to_count", fromOffset = "from_offset", rows
            }

            /// Length and time, or (with no route) the reason's code.
            public struct Row: Codable, Sendable, Equatable {
                public var from: String
                public var to: String
                public var lengthM: Double?
                public var timeS: Double?
                public var reason: Unreachable.Code?

                public init(from: String, to: String, lengthM: Double?, timeS: Double?, reason: Unreachable.Code?) {
                    self.from = from; self.to = to; self.lengthM = lengthM; self.timeS = timeS; self.reason = reason
                }

                enum CodingKeys: String, CodingKey { case from, to, lengthM = "length_m", timeS = "time_s", reason }
            }
        }
    }
}
