import QadamGeo
import QadamNetwork
import QadamContract

extension RPC.Isochrone.Params {
    static let defaultMinutes: [Double] = [5, 10, 15]

    /// Ascending, distinct, each in (0, 240], at most 12 of them.
    func checkedMinutes() throws(RPCError) -> [Double] {
        let values = minutes ?? Self.defaultMinutes
        guard !values.isEmpty, values.count <= 12 else {
            throw RPCError.invalidParams(field: "minutes", "must list 1 to 12 times in minutes, got \(values.count)")
        }
        for (i, m) in values.enumerated() where !(m > 0 && m <= 240) {
            throw RPCError.invalidParams(field: "minutes[\(i)]", "must be above 0 and at most 240, got \(m)")
        }
        return Array(Set(values)).sorted()
    }
}

extension MethodRegistry {
    /// `isochrone` (`RPC.Isochrone`): one search per time, on a worker.
    mutating func registerIsochrone() {
        register(RPC.Isochrone.self) { params, snapshot in
            let (mode, snap) = try params.travel.resolved()
            let from = try params.from.validated(field: "from")
            let minutes = try params.checkedMinutes()
            let buffer = params.bufferM ?? 50
            guard buffer > 0 && buffer <= 1000 else {
                throw RPCError.invalidParams(field: "buffer_m", "must be above 0 and at most 1000 metres, got \(buffer)")
            }
            let queries = try snapshot.networkQueries
            func answer(_ reason: Unreachable?, _ bands: [RPC.Isochrone.Result.Band]) -> RPC.Isochrone.Result {
                RPC.Isochrone.Result(travel: TravelEcho(mode: mode, snap: snap), from: from, minutes: minutes, bufferM: buffer,
                                     reason: reason, isochrones: bands)
            }
            var bands: [RPC.Isochrone.Result.Band] = []
            var inner: Geometry?
            for limit in minutes {
                try Cancellation.check()
                let reached = queries.withSearch { $0.reachedNetwork(from: from, mode: mode, limitSeconds: limit * 60, snap: snap) }
                guard case .reached(let network) = reached else {
                    return answer(Unreachable(reached.reason!, point: "the origin ('from')")
                        .suggestingSwap(of: from, network: queries.network, profile: mode.profile, snap: snap), [])
                }
                // Each area includes the one inside it, so the bands nest exactly.
                var area = try network.polygon(bufferMetres: buffer)
                if let inner { area = try area.union(inner) }
                inner = area
                let edges: JSONValue? = params.includeEdges == true
                    ? ["type": "MultiLineString", "coordinates": .array(network.pieces.map { .array($0.map { [.double($0.lon), .double($0.lat)] }) })]
                    : nil
                bands.append(.init(minutes: limit, reachedVertices: network.vertices.count, geometry: try JSONText.parse(area.geoJSON), edges: edges))
            }
            return answer(nil, bands)
        }
    }
}
