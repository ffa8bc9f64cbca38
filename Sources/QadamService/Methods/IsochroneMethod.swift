import QadamGeo
import QadamNetwork
import QadamProtocol

/// `isochrone`: the area reachable from a point within each of several times, as nested
/// polygons (the reached streets buffered by `buffer_m` and dissolved with GEOS), and on
/// request the reached street pieces themselves.
struct IsochroneParams: Decodable {
    let from: Coordinate
    let minutes: [Double]?
    let bufferM: Double?
    let includeEdges: Bool?

    enum CodingKeys: String, CodingKey {
        case from, minutes, bufferM = "buffer_m", includeEdges = "include_edges"
    }

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
    mutating func registerIsochrone() {
        register("isochrone") { raw, snapshot in
            let params = try Params.decode(IsochroneParams.self, from: raw)
            let (mode, snap) = try Params.decode(TravelParams.self, from: raw).resolved()
            let from = try params.from.validated(field: "from")
            let minutes = try params.checkedMinutes()
            let buffer = params.bufferM ?? 50
            guard buffer > 0 && buffer <= 1000 else {
                throw RPCError.invalidParams(field: "buffer_m", "must be above 0 and at most 1000 metres, got \(buffer)")
            }
            let queries = try snapshot.networkQueries
            var members = try Params.encodeResult(TravelEcho(mode: mode, snap: snap)).objectValue ?? [:]
            members["from"] = [.double(from.lon), .double(from.lat)]
            members["minutes"] = .array(minutes.map { .double($0) })
            members["buffer_m"] = .double(buffer)

            var isochrones: [JSONValue] = []
            var inner: Geometry?
            for limit in minutes {
                try Cancellation.check()
                let reached = queries.withSearch { $0.reachedNetwork(from: from, mode: mode, limitSeconds: limit * 60, snap: snap) }
                guard case .reached(let network) = reached else {
                    members["reachable"] = false
                    members["reason"] = try Params.encodeResult(Unreachable(reached.reason!, point: "the origin ('from')")
                        .suggestingSwap(of: from, network: queries.network, profile: mode.profile, snap: snap))
                    members["isochrones"] = []
                    return JSONValue.object(members)
                }
                // Each area includes the one inside it, so the bands nest exactly.
                var area = try network.polygon(bufferMetres: buffer)
                if let inner { area = try area.union(inner) }
                inner = area
                var item: [String: JSONValue] = [
                    "minutes": .double(limit),
                    "reached_vertices": .int(Int64(network.vertices.count)),
                    "geometry": try JSONText.parse(area.geoJSON),
                ]
                if params.includeEdges == true {
                    item["edges"] = ["type": "MultiLineString",
                                     "coordinates": .array(network.pieces.map { .array($0.map { [.double($0.lon), .double($0.lat)] }) })]
                }
                isochrones.append(.object(item))
            }
            members["reachable"] = true
            members["isochrones"] = .array(isochrones)
            return JSONValue.object(members)
        }
    }
}
