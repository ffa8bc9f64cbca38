import QadamData
import QadamGeo
import QadamNetwork
import QadamProtocol

/// `nearest`: the k nearest facilities of one kind from a point, over the street network.
///
/// The first query for a (kind, profile, speed, snap) builds a `FacilityIndex` for the
/// snapshot; later ones are a snap plus a lookup. More than `NetworkQueries.indexK`
/// facilities are found by an exact one-to-all search from the point instead.
struct NearestParams: Decodable {
    let kind: String
    let from: Coordinate
    let k: Int?
    let includePath: Bool?

    enum CodingKeys: String, CodingKey {
        case kind, from, k, includePath = "include_path"
    }
}

struct NearestResult: Encodable {
    let kind: String
    let from: Coordinate
    let k: Int
    let travel: TravelEcho
    let reachable: Bool
    let reason: UnreachableJSON?
    let facilities: [Hit]

    struct Hit: Encodable {
        let id: String
        let name: String?
        let kind: String
        let point: Coordinate
        let lengthM: Double
        let timeS: Double
        let path: LineStringJSON?

        enum CodingKeys: String, CodingKey {
            case id, name, kind, point, lengthM = "length_m", timeS = "time_s", path
        }
    }

    func encode(to encoder: Encoder) throws {
        try travel.encode(to: encoder)
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(kind, forKey: .kind)
        try c.encode(from, forKey: .from)
        try c.encode(k, forKey: .k)
        try c.encode(reachable, forKey: .reachable)
        try c.encodeIfPresent(reason, forKey: .reason)
        try c.encode(facilities, forKey: .facilities)
    }

    enum CodingKeys: String, CodingKey { case kind, from, k, reachable, reason, facilities }
}

extension MethodRegistry {
    mutating func registerNearest() {
        register("nearest", inline: .attempt { raw, snapshot in try nearest(raw, snapshot, onlyFromBuiltIndex: true) }) { raw, snapshot in
            try nearest(raw, snapshot, onlyFromBuiltIndex: false)!
        }
    }
}

/// The answer to one `nearest` request; with `onlyFromBuiltIndex`, nil unless it is a lookup in
/// an index already built (no search, no path), which the daemon then answers inline.
private func nearest(_ raw: JSONValue, _ snapshot: Snapshot, onlyFromBuiltIndex: Bool) throws -> NearestResult? {
    let params = try Params.decode(NearestParams.self, from: raw)
    let (mode, snap) = try Params.decode(TravelParams.self, from: raw).resolved()
    let kind = try FacilityKind.requested(params.kind, field: "kind")
    let from = try params.from.validated(field: "from")
    let k = params.k ?? 1
    guard (1...1000).contains(k) else { throw RPCError.invalidParams(field: "k", "must be an integer in 1...1000, got \(k)") }
    let queries = try snapshot.networkQueries
    let facilities = queries.facilitiesByKind[kind] ?? []
    func answer(_ reason: UnreachableJSON?, _ hits: [NearestResult.Hit]) -> NearestResult {
        NearestResult(kind: kind.rawValue, from: from, k: k, travel: TravelEcho(mode: mode, snap: snap),
                      reachable: reason == nil, reason: reason, facilities: hits)
    }
    guard !facilities.isEmpty else { return answer(UnreachableJSON(noFacilitiesOf: kind), []) }

    let key = NetworkQueries.IndexKey(kind: kind, mode: mode, snap: snap)
    let index: FacilityIndex
    if onlyFromBuiltIndex {
        guard params.includePath != true, let built = queries.builtFacilityIndex(key), k <= built.k else { return nil }
        index = built
    } else {
        index = queries.facilityIndex(key)
    }
    let found = k <= index.k ? index.nearest(to: from, count: k) : queries.exactNearest(from: from, index: index, count: k)
    switch found {
    case .unreachable(let reason):
        return answer(UnreachableJSON(reason, point: "the origin ('from')")
            .suggestingSwap(of: from, network: queries.network, profile: mode.profile, snap: snap), [])
    case .reached(let hits):
        func row(_ hit: FacilityHit, path: LineStringJSON?) -> NearestResult.Hit {
            let f = facilities[hit.facility]
            return .init(id: f.id, name: f.name, kind: f.kind.rawValue, point: f.point,
                         lengthM: hit.measure.metres, timeS: hit.measure.seconds, path: path)
        }
        guard params.includePath == true else { return answer(nil, hits.map { row($0, path: nil) }) }
        return answer(nil, queries.withSearch { search in
            hits.map { hit in
                row(hit, path: search.route(from: from, to: facilities[hit.facility].point, mode: mode, snap: snap)
                    .value.map { LineStringJSON(coordinates: $0.coordinates) })
            }
        })
    }
}

extension NetworkQueries {
    /// The `count` nearest of the index's facilities by a full search from the point: for
    /// more neighbours than the index keeps. Same snaps, same order (time, then facility).
    func exactNearest(from point: Coordinate, index: FacilityIndex, count: Int) -> Reach<[FacilityHit]> {
        let origin: NetworkLocation
        switch network.locate(point, profile: index.mode.profile, options: index.snap) {
        case .reached(let l): origin = l
        case .unreachable(let reason): return .unreachable(reason)
        }
        return withSearch { search in
            search.run(from: origin, mode: index.mode)
            var hits: [FacilityHit] = [], reasons: Set<UnreachableReason> = []
            for (f, location) in index.facilityLocations.enumerated() {
                guard case .reached(let target) = location else { continue }
                switch search.measure(to: target) {
                case .reached(let m): hits.append(FacilityHit(facility: f, measure: m))
                case .unreachable(let reason): reasons.insert(reason)
                }
            }
            guard !hits.isEmpty else { return .unreachable(reasons.contains(.noDirectedPath) ? .noDirectedPath : .differentComponent) }
            hits.sort { ($0.measure.seconds, $0.facility) < ($1.measure.seconds, $1.facility) }
            return .reached(Array(hits.prefix(count)))
        }
    }
}
