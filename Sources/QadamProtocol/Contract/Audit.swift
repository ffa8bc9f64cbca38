/// Where a result's travel costs came from, echoed in every result as `basis`.
public enum CostBasis: String, Codable, Sendable, CaseIterable {
    /// Shortest paths on the dataset's street network.
    case network
    /// Geodesic distance × detour factor (and a speed): no network was available.
    case estimated
}

extension RPC {
    /// `audit`: one row per origin for `qadam audit`'s streaming batches (docs/audit.md). The
    /// answer for an origins file is typed here (it is the batch path's hot answer); the
    /// settlements-layer answer has a column per norm and stays a JSON object.
    public enum Audit {
        public static let name = "audit"

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

extension RPC.Audit.OriginsResult: JSONTextWritable {
    public func writeJSON(to out: inout JSONTextWriter) throws(EncodingError) {
        try out.object { (o: inout JSONTextWriter) throws(EncodingError) in
            o.member("kind", kind.rawValue)
            o.member("profile", profile.rawValue)
            try o.member("speed_kmh", speedKmh)
            try o.member("detour_factor", detourFactor)
            o.member("basis", basis.rawValue)
            o.key("columns")
            try o.array(columns) { (a: inout JSONTextWriter, name: String) in a.string(name) }
            try o.member("rows", rows)
        }
    }
}

extension RPC.Audit.OriginsResult.Row: JSONTextWritable {
    public func writeJSON(to out: inout JSONTextWriter) throws(EncodingError) {
        try out.object { (o: inout JSONTextWriter) throws(EncodingError) in
            o.member("id", id)
            o.key("distance_m")
            if let distanceM { try o.double(distanceM, of: "distance_m") } else { o.null() }
            o.key("time_s")
            if let timeS { try o.double(timeS, of: "time_s") } else { o.null() }
            o.key("facility_id")
            if let facilityID { o.string(facilityID) } else { o.null() }
            o.key("basis")
            if let basis { o.string(basis.rawValue) } else { o.null() }
            o.key("error")
            if let error { o.string(error) } else { o.null() }
        }
    }
}
