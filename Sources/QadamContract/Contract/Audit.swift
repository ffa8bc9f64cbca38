/// Where a result's travel costs came from, echoed in every result as `basis`.
public enum CostBasis: String, Codable, Sendable, CaseIterable {
    /// Shortest paths on the dataset's street network.
    case network
    /// Geodesic distance × detour factor (and a speed): no network was available.
    case estimated
}

extension RPC {
    /// `audit`: one row per origin for `qadam audit`'s streaming batches (docs/audit.md). Two
    /// modes share the params: `origins` + `kind` (`RPC.Audit.Origins`, the batch path's hot
    /// call), and `layer` (`RPC.Audit.Layer`: a row per settlement with a column block per
    /// required kind).
    public enum Audit {
        public static let name = "audit"

        /// `audit` over a batch of origins: the params with `origins` and `kind`, answered with
        /// one row per origin.
        public enum Origins: RPCMethod {
            public static let name = Audit.name
            public typealias Params = Audit.Params
            public typealias Result = OriginsResult
        }

        /// What an audit request asks.
        public struct Params: Codable, Sendable, Equatable {
            public var kind: FacilityKind?
            public var profile: TravelProfile?
            public var speedKmh: Double?
            public var detourFactor: Double?
            /// The points to measure (the origins mode).
            public var origins: [Origin]?
            /// The dataset layer to audit instead (the layer mode).
            public var layer: AuditLayer?
            /// With `layer`: only the settlements inside this district (id or name).
            public var area: String?
            /// With `layer`: the page of settlements, by position in the dataset.
            public var offset: Int?
            public var limit: Int?
            /// With `layer`: list the settlements' ids and points without measuring.
            public var originsOnly: Bool?

            public init(kind: FacilityKind? = nil, profile: TravelProfile? = nil, speedKmh: Double? = nil, detourFactor: Double? = nil,
                        origins: [Origin]? = nil, layer: AuditLayer? = nil, area: String? = nil,
                        offset: Int? = nil, limit: Int? = nil, originsOnly: Bool? = nil) {
                self.kind = kind; self.profile = profile; self.speedKmh = speedKmh; self.detourFactor = detourFactor
                self.origins = origins; self.layer = layer; self.area = area
                self.offset = offset; self.limit = limit; self.originsOnly = originsOnly
            }

            enum CodingKeys: String, CodingKey {
                case kind, profile, speedKmh = "speed_kmh", detourFactor = "detour_factor", origins, layer, area, offset, limit
                case originsOnly = "origins_only"
            }

            /// The shared service-gap parameters, checked the same way as every other method's.
            public var measureParams: MeasureParams {
                MeasureParams(kind: kind, area: area, profile: profile, speedKmh: speedKmh, detourFactor: detourFactor)
            }

            /// One point to measure. `at` is kept as plain numbers so that a bad coordinate
            /// becomes that origin's error row, not a failed request.
            public struct Origin: Codable, Sendable, Equatable {
                public var id: String
                public var at: [Double]

                public init(id: String, at: [Double]) { self.id = id; self.at = at }
            }
        }

        /// The answer for `origins` + `kind`: one row per origin, in request order.
        public struct OriginsResult: Codable, Sendable, Equatable {
            public var kind: FacilityKind
            public var profile: TravelProfile
            public var speedKmh: Double
            /// With an estimated basis: road distance = straight line × this.
            public var detourFactor: Double?
            public var basis: CostBasis
            public var columns: [String]
            public var rows: [Row]

            /// The columns of every row after `id` (and before `error`).
            public static let columns = ["distance_m", "time_s", "facility_id", "basis"]

            public init(kind: FacilityKind, profile: TravelProfile, speedKmh: Double, detourFactor: Double?, basis: CostBasis, rows: [Row]) {
                self.kind = kind; self.profile = profile; self.speedKmh = speedKmh; self.detourFactor = detourFactor
                self.basis = basis; self.columns = Self.columns; self.rows = rows
            }

            enum CodingKeys: String, CodingKey {
                case kind, profile, speedKmh = "speed_kmh", detourFactor = "detour_factor", basis, columns, rows
            }

            /// One origin: measured (all but `error` set), or not (only `id` and `error`). Every
            /// column is written, null where it has no value, so each row has the same members.
            public struct Row: Codable, Sendable, Equatable {
                public var id: String
                public var distanceM: Double?
                public var timeS: Double?
                public var facilityID: String?
                public var basis: CostBasis?
                public var error: String?

                public init(id: String, distanceM: Double, timeS: Double, facilityID: String, basis: CostBasis) {
                    self.id = id; self.distanceM = distanceM; self.timeS = timeS; self.facilityID = facilityID; self.basis = basis
                }

                public init(id: String, error: String) { self.id = id; self.error = error }

                enum CodingKeys: String, CodingKey {
                    case id, distanceM = "distance_m", timeS = "time_s", facilityID = "facility_id", basis, error
                }

                public func encode(to encoder: Encoder) throws {
                    var c = encoder.container(keyedBy: CodingKeys.self)
                    try c.encode(id, forKey: .id)
                    try c.encode(distanceM, forKey: .distanceM)
                    try c.encode(timeS, forKey: .timeS)
                    try c.encode(facilityID, forKey: .facilityID)
                    try c.encode(basis, forKey: .basis)
                    try c.encode(error, forKey: .error)
                }
            }
        }
    }
}

/// The dataset layers `audit` can go through instead of an origins file.
public enum AuditLayer: String, ClosedVocabulary {
    case settlements
    public static let wordName = "an auditable layer"
}
