extension RPC.Audit {
    /// `audit` of a dataset layer: the params with `layer` (and `area`, `offset`, `limit`,
    /// `origins_only`), answered with a row per settlement of the page, or their ids and points.
    public enum Layer: RPCMethod {
        public static let name = RPC.Audit.name
        public typealias Params = RPC.Audit.Params
        public typealias Result = LayerResult
    }

    /// The answer for `layer`: the columns every row has, the norms cited, and the page.
    public struct LayerResult: Codable, Sendable, Equatable {
        public var layer: AuditLayer
        /// Settlements of the layer (inside `area`), all pages together.
        public var total: Int
        public var offset: Int
        /// Every row's columns after `id`, in order: `SettlementRow.leadingColumns`, then
        /// `SettlementRow.kindColumns` for each of `kinds`, as `<kind>_<column>`.
        public var columns: [String]
        /// Every kind some settlement class requires.
        public var kinds: [String]
        public var norms: [CitedNorm]
        public var area: AreaRef?
        /// With `origins_only`: the page's settlements, not measured.
        public var origins: [ListedOrigin]?
        /// Without `origins_only`: the page's settlements, measured.
        public var rows: [SettlementRow]?

        public init(layer: AuditLayer, total: Int, offset: Int, columns: [String], kinds: [String], norms: [CitedNorm],
                    area: AreaRef?, origins: [ListedOrigin]?, rows: [SettlementRow]?) {
            self.layer = layer; self.total = total; self.offset = offset; self.columns = columns; self.kinds = kinds
            self.norms = norms; self.area = area; self.origins = origins; self.rows = rows
        }

        /// A norm of the catalogue the audit checks against, with where it comes from.
        public struct CitedNorm: Codable, Sendable, Equatable {
            public var id: String
            public var source: Source

            public init(id: String, source: Source) { self.id = id; self.source = source }

            public struct Source: Codable, Sendable, Equatable {
                public var document: String
                public var clause: String?
                public var url: String?

                public init(document: String, clause: String?, url: String?) {
                    self.document = document; self.clause = clause; self.url = url
                }
            }
        }

        public struct ListedOrigin: Codable, Sendable, Equatable {
            public var id: String
            public var at: Coordinate

            public init(id: String, at: Coordinate) { self.id = id; self.at = at }
        }
    }

    /// One settlement against every norm of its class. Every member is written, null where it
    /// has no value, so all rows have the same members (they stream into one CSV).
    public struct SettlementRow: Codable, Sendable, Equatable {
        public var id: String
        public var lon: Double
        public var lat: Double
        public var name: String?
        public var settlementClass: SettlementClass
        public var population: Double
        /// The settlement's oblast and district ids, `none` outside every one.
        public var oblast: String
        public var district: String
        /// Kinds of its class with a distance or time rule, and of those met.
        public var required: Int
        public var met: Int
        /// `met / required`; nil when nothing is required.
        public var share: Double?
        /// How the costs were made (`network`, `estimated`, or both joined by `+`).
        public var basis: String?
        /// A key for each of the answer's `kinds`: the check, or nil where the class does not
        /// require the kind or no rule gives it a limit (its columns are then null).
        public var checks: [String: KindCheck?]

        public static let leadingColumns = ["name", "class", "population", "oblast", "district", "required", "met", "share", "basis"]
        public static let kindColumns = ["facility_id", "distance_m", "time_s", "limit_m", "limit_s", "met", "norm"]

        public init(id: String, lon: Double, lat: Double, name: String?, settlementClass: SettlementClass, population: Double,
                    oblast: String, district: String, required: Int, met: Int, share: Double?, basis: String?,
                    checks: [String: KindCheck?]) {
            self.id = id; self.lon = lon; self.lat = lat; self.name = name; self.settlementClass = settlementClass
            self.population = population; self.oblast = oblast; self.district = district; self.required = required
            self.met = met; self.share = share; self.basis = basis; self.checks = checks
        }

        /// One kind's nearest facility against its rule's limit (in metres or in seconds).
        public struct KindCheck: Sendable, Equatable {
            /// Nil when no facility of the kind could be reached.
            public var facilityID: String?
            public var distanceM: Double?
            public var timeS: Double?
            public var limitM: Double?
            public var limitS: Double?
            public var met: Bool
            public var norm: String?

            public init(facilityID: String?, distanceM: Double?, timeS: Double?, limitM: Double?, limitS: Double?,
                        met: Bool, norm: String?) {
                self.facilityID = facilityID; self.distanceM = distanceM; self.timeS = timeS; self.limitM = limitM
                self.limitS = limitS; self.met = met; self.norm = norm
            }
        }

        /// The kind and column a `<kind>_<column>` member names; nil for any other member.
        public static func kindColumn(_ member: String) -> (kind: String, column: String)? {
            for column in kindColumns where member.hasSuffix("_" + column) && member.count > column.count + 1 {
                return (String(member.dropLast(column.count + 1)), column)
            }
            return nil
        }

        public init(from decoder: Decoder) throws {
            let c = try decoder.container(keyedBy: MemberNameKey.self)
            id = try c.decode(String.self, forKey: MemberNameKey("id"))
            lon = try c.decode(Double.self, forKey: MemberNameKey("lon"))
            lat = try c.decode(Double.self, forKey: MemberNameKey("lat"))
            name = try c.decodeIfPresent(String.self, forKey: MemberNameKey("name"))
            settlementClass = try c.decode(SettlementClass.self, forKey: MemberNameKey("class"))
            population = try c.decode(Double.self, forKey: MemberNameKey("population"))
            oblast = try c.decode(String.self, forKey: MemberNameKey("oblast"))
            district = try c.decode(String.self, forKey: MemberNameKey("district"))
            required = try c.decode(Int.self, forKey: MemberNameKey("required"))
            met = try c.decode(Int.self, forKey: MemberNameKey("met"))
            share = try c.decodeIfPresent(Double.self, forKey: MemberNameKey("share"))
            basis = try c.decodeIfPresent(String.self, forKey: MemberNameKey("basis"))
            let kinds = Set(c.allKeys.compactMap { Self.kindColumn($0.stringValue)?.kind })
            checks = [:]
            for kind in kinds {
                func read<T: Decodable>(_ column: String, _ type: T.Type) throws -> T? {
                    try c.decodeIfPresent(type, forKey: MemberNameKey("\(kind)_\(column)"))
                }
                // The class requires the kind exactly when `met` says yes or no.
                guard let met = try read("met", String.self) else { checks[kind] = .some(nil); continue }
                checks[kind] = KindCheck(facilityID: try read("facility_id", String.self), distanceM: try read("distance_m", Double.self),
                                         timeS: try read("time_s", Double.self), limitM: try read("limit_m", Double.self),
                                         limitS: try read("limit_s", Double.self), met: met == "yes", norm: try read("norm", String.self))
            }
        }

        public func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: MemberNameKey.self)
            try c.encode(id, forKey: MemberNameKey("id"))
            try c.encode(lon, forKey: MemberNameKey("lon"))
            try c.encode(lat, forKey: MemberNameKey("lat"))
            try c.encode(name, forKey: MemberNameKey("name"))
            try c.encode(settlementClass, forKey: MemberNameKey("class"))
            try c.encode(population, forKey: MemberNameKey("population"))
            try c.encode(oblast, forKey: MemberNameKey("oblast"))
            try c.encode(district, forKey: MemberNameKey("district"))
            // Every audit row has `error`; a settlement is always measured, so it is null here.
            try c.encodeNil(forKey: MemberNameKey("error"))
            try c.encode(required, forKey: MemberNameKey("required"))
            try c.encode(met, forKey: MemberNameKey("met"))
            try c.encode(share, forKey: MemberNameKey("share"))
            try c.encode(basis, forKey: MemberNameKey("basis"))
            for kind in checks.keys.sorted() {
                let check = checks[kind] ?? nil
                func write<T: Encodable>(_ column: String, _ value: T?) throws { try c.encode(value, forKey: MemberNameKey("\(kind)_\(column)")) }
                try write("facility_id", check?.facilityID)
                try write("distance_m", check?.distanceM)
                try write("time_s", check?.timeS)
                try write("limit_m", check?.limitM)
                try write("limit_s", check?.limitS)
                try write("met", check.map { $0.met ? "yes" : "no" })
                try write("norm", check?.norm)
            }
        }
    }
}
