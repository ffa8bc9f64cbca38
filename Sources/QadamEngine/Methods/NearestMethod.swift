import QadamData
import QadamGeo
import QadamNetwork
import QadamContract

/// `nearest` (`RPC.Nearest`). The first query for a (kind, profile, speed, snap) builds a
/// `FacilityIndex` for the snapshot; later ones are a snap plus a lookup, answered inline. More
/// than `NetworkQueries.indexK` facilities are found by an exact one-to-all search from the
/// point instead.
extension MethodRegistry {
    mutating func registerNearest() {
        register(RPC.Nearest.self, inline: .attempt(RPC.Nearest.self) { params, snapshot in
            try nearest(params, snapshot, onlyFromBuiltIndex: true)
        }) { params, snapshot in
            try nearest(params, snapshot, onlyFromBuiltIndex: false)!
        }
    }
}

/// The answer to one `nearest` request; with `onlyFromBuiltIndex`, nil unless it is a lookup in
/// an index already built (no search, no path), which the daemon then answers inline.
private func nearest(_ params: RPC.Nearest.Params, _ snapshot: Snapshot, onlyFromBuiltIndex: Bool) throws -> RPC.Nearest.Result? {
    let (mode, snap) = try params.travel.resolved()
    let kind = params.kind
    let from = try params.from.validated(field: "from")
    let k = params.k ?? 1
    guard (1...1000).contains(k) else { throw RPCError.invalidParams(field: "k", "must be an integer in 1...1000, got \(k)") }
    let queries = try snapshot.networkQueries
    let facilities = queries.facilitiesByKind[kind] ?? []
    func answer(_ reason: Unreachable?, _ hits: [RPC.Nearest.Result.Hit]) -> RPC.Nearest.Result {
        RPC.Nearest.Result(kind: kind, from: from, k: k, travel: TravelEcho(mode: mode, snap: snap), reason: reason, facilities: hits)
    }
    guard !facilities.isEmpty else { return answer(Unreachable(noFacilitiesOf: kind), []) }

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
        return answer(Unreachable(reason, point: "the origin ('from')")
            .suggestingSwap(of: from, network: queries.network, profile: mode.profile, snap: snap), [])
    case .reached(let hits):
        func row(_ hit: FacilityHit, path: LineString?) -> RPC.Nearest.Result.Hit {
            let f = facilities[hit.facility]
            return .init(id: f.id, name: f.name, kind: f.kind, point: f.point,
                         lengthM: hit.measure.metres, timeS: hit.measure.seconds, path: path)
        }
        guard params.includePath == true else { return answer(nil, hits.map { row($0, path: nil) }) }
        return answer(nil, queries.withSearch { search in
            hits.map { hit in
                row(hit, path: search.route(from: from, to: facilities[hit.facility].point, mode: mode, snap: snap)
                    .value.map { LineString(coordinates: $0.coordinates) })
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
