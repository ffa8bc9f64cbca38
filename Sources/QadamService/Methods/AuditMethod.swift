import QadamAccess
import QadamData
import QadamGeo
import QadamNetwork
import QadamProtocol

/// `audit`: one row per origin, computed for a whole chunk at once, for `qadam audit`'s
/// streaming batches (docs/audit.md). Two modes:
///
/// - `origins` + `kind`: the nearest facility of the kind from each origin (`distance_m`,
///   `time_s`, `facility_id`, `basis`); an origin that cannot be measured (coordinate out of
///   range, off the network) is a row with `error`, never a failed request.
/// - `layer: "settlements"` (+ `area`, `offset`, `limit`): every norm of each settlement's class
///   (`SettlementAudit`); `origins_only` lists the settlements' ids and points without measuring.
struct AuditQuery: Decodable {
    var kind: String?
    var profile: String?
    var speedKmh: Double?
    var detourFactor: Double?
    var origins: [AuditOriginParam]?
    var layer: String?
    var area: String?
    var offset: Int?
    var limit: Int?
    var originsOnly: Bool?

    enum CodingKeys: String, CodingKey {
        case kind, profile, speedKmh = "speed_kmh", detourFactor = "detour_factor", origins, layer, area, offset, limit
        case originsOnly = "origins_only"
    }

    /// The shared service-gap parameters, checked the same way as every other method's.
    var measureQuery: MeasureQuery {
        MeasureQuery(kind: kind, area: area, profile: profile, speedKmh: speedKmh, detourFactor: detourFactor)
    }
}

struct AuditOriginParam: Decodable {
    var id: String
    /// Kept as plain numbers so that a bad coordinate becomes that origin's error row.
    var at: [Double]

    /// The point, or why it cannot be measured.
    var coordinate: Result<Coordinate, NearestFacilityProblem> {
        guard at.count == 2 else { return .failure(.init("'at' must be [lon, lat], got \(at.count) numbers")) }
        let c = Coordinate(lon: at[0], lat: at[1])
        guard c.isValidWGS84 else {
            return .failure(.init("[\(at[0]), \(at[1])] is outside EPSG:4326 bounds (lon -180..180, lat -90..90)"))
        }
        return .success(c)
    }
}

extension MethodRegistry {
    mutating func registerAudit() {
        register("audit") { raw, snapshot in
            let query = try Params.decode(AuditQuery.self, from: raw)
            switch (query.origins, query.layer) {
            case (let origins?, nil):
                return try Self.auditOrigins(origins, query: query, snapshot: snapshot)
            case (nil, let layer?):
                guard layer == LayerKind.settlements.rawValue else {
                    throw RPCError.invalidParams(field: "layer", "only 'settlements' can be audited, got '\(layer)'")
                }
                return try SettlementAudit(query, snapshot: snapshot).answer(query)
            case (.some, .some):
                throw RPCError.invalidParams(field: "layer", "give origins or layer, not both")
            case (nil, nil):
                throw RPCError.invalidParams(field: "origins", "is required (or layer)")
            }
        }
    }

    /// The columns of an origins audit, in order (after `id`, before `error`).
    static let originAuditColumns = ["distance_m", "time_s", "facility_id", "basis"]

    private static func auditOrigins(_ origins: [AuditOriginParam], query: AuditQuery, snapshot: Snapshot) throws -> QadamProtocol.JSONValue {
        let measure = query.measureQuery
        let kind = try measure.requiredKind()
        try measure.checkNumbers()
        let profile = try measure.travelProfile() ?? .walk
        let content = try snapshot.dataset
        let finder = NearestFacilityFinder(content: content, inputs: try snapshot.analytics, kind: kind, profile: profile,
                                           speedKmh: query.speedKmh, detourFactor: query.detourFactor ?? CostSpec.defaultDetourFactor)
        let points = origins.map(\.coordinate)
        let usable = points.compactMap { try? $0.get() }
        var found = try finder.nearest(usable)[...]
        let basis = QadamProtocol.JSONValue.string(finder.basis.rawValue)
        let rows: [QadamProtocol.JSONValue] = zip(origins, points).map { origin, point in
            var row: [String: QadamProtocol.JSONValue] = ["id": .string(origin.id)]
            let outcome = point.flatMap { _ in found.removeFirst() }
            switch outcome {
            case .success(let hit):
                row["distance_m"] = .double(hit.metres)
                row["time_s"] = .double(hit.seconds)
                row["facility_id"] = .string(hit.facilityID)
                row["basis"] = basis
                row["error"] = .null
            case .failure(let problem):
                for column in originAuditColumns { row[column] = .null }
                row["error"] = .string(problem.description)
            }
            return .object(row)
        }
        var answer: [String: QadamProtocol.JSONValue] = [
            "kind": .string(kind), "profile": .string(profile.rawValue), "speed_kmh": .double(finder.speedKmh),
            "basis": basis, "columns": .array(originAuditColumns.map(QadamProtocol.JSONValue.string)), "rows": .array(rows),
        ]
        if let d = finder.detourFactor { answer["detour_factor"] = .double(d) }
        return .object(answer)
    }
}
