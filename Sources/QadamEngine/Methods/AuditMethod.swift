import QadamMeasures
import QadamData
import QadamGeo
import QadamNetwork
import QadamContract

extension RPC.Audit.Params.Origin {
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
    /// `audit`: one row per origin, computed for a whole chunk at once, for `qadam audit`'s
    /// streaming batches (docs/audit.md). Two modes:
    ///
    /// - `origins` + `kind`: the nearest facility of the kind from each origin (`distance_m`,
    ///   `time_s`, `facility_id`, `basis`); an origin that cannot be measured (coordinate out of
    ///   range, off the network) is a row with `error`, never a failed request.
    /// - `layer: "settlements"` (+ `area`, `offset`, `limit`): every norm of each settlement's class
    ///   (`SettlementAudit`); `origins_only` lists the settlements' ids and points without measuring.
    mutating func registerAudit() {
        register("audit") { raw, snapshot in
            let query = try Params.decode(RPC.Audit.Params.self, from: raw)
            switch (query.origins, query.layer) {
            case (let origins?, nil):
                return try Self.auditOrigins(origins, query: query, snapshot: snapshot)
            case (nil, .settlements?):
                return try SettlementAudit(query, snapshot: snapshot).answer(query)
            case (.some, .some):
                throw RPCError.invalidParams(field: "layer", "give origins or layer, not both")
            case (nil, nil):
                throw RPCError.invalidParams(field: "origins", "is required (or layer)")
            }
        }
    }

    private static func auditOrigins(_ origins: [RPC.Audit.Params.Origin], query: RPC.Audit.Params, snapshot: Snapshot) throws -> RPC.Audit.OriginsResult {
        let measure = query.measureParams
        let kind = try measure.requiredKind()
        try measure.checkNumbers()
        let profile = measure.profile ?? .walk
        let content = try snapshot.dataset
        let finder = NearestFacilityFinder(content: content, inputs: try snapshot.analytics, kind: kind.rawValue, profile: profile,
                                           speedKmh: query.speedKmh, detourFactor: query.detourFactor ?? CostSpec.defaultDetourFactor)
        let points = origins.map(\.coordinate)
        let usable = points.compactMap { try? $0.get() }
        var found = try finder.nearest(usable)[...]
        let rows = zip(origins, points).map { origin, point -> RPC.Audit.OriginsResult.Row in
            switch point.flatMap({ _ in found.removeFirst() }) {
            case .success(let hit):
                return .init(id: origin.id, distanceM: hit.metres, timeS: hit.seconds, facilityID: hit.facilityID, basis: finder.basis)
            case .failure(let problem):
                return .init(id: origin.id, error: problem.description)
            }
        }
        return RPC.Audit.OriginsResult(kind: kind, profile: profile, speedKmh: finder.speedKmh,
                                       detourFactor: finder.detourFactor, basis: finder.basis, rows: rows)
    }
}
