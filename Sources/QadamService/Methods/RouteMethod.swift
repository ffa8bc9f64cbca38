import QadamGeo
import QadamNetwork
import QadamProtocol

/// `route`: the fastest way between two points for a profile, with its length, time and
/// geometry (straight legs to and from the network included).
struct RouteParams: Decodable {
    let from: Coordinate
    let to: Coordinate
}

struct RouteResult: Encodable {
    let from: Coordinate
    let to: Coordinate
    let travel: TravelEcho
    let reachable: Bool
    let reason: UnreachableJSON?
    let lengthM: Double?
    let timeS: Double?
    let geometry: LineStringJSON?

    enum CodingKeys: String, CodingKey {
        case from, to, reachable, reason, lengthM = "length_m", timeS = "time_s", geometry
    }

    func encode(to encoder: Encoder) throws {
        try travel.encode(to: encoder)
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(from, forKey: .from)
        try c.encode(to, forKey: .to)
        try c.encode(reachable, forKey: .reachable)
        try c.encodeIfPresent(reason, forKey: .reason)
        try c.encodeIfPresent(lengthM, forKey: .lengthM)
        try c.encodeIfPresent(timeS, forKey: .timeS)
        try c.encodeIfPresent(geometry, forKey: .geometry)
    }
}

extension MethodRegistry {
    mutating func registerRoute() {
        register("route") { raw, snapshot in
            let params = try Params.decode(RouteParams.self, from: raw)
            let (mode, snap) = try Params.decode(TravelParams.self, from: raw).resolved()
            let from = try params.from.validated(field: "from"), to = try params.to.validated(field: "to")
            let queries = try snapshot.networkQueries
            let travel = TravelEcho(mode: mode, snap: snap)
            // Say which end is off the network, rather than only that one is.
            for (point, name) in [(from, "the origin ('from')"), (to, "the destination ('to')")] {
                if case .unreachable(let reason) = queries.network.locate(point, profile: mode.profile, options: snap) {
                    return try Params.encodeResult(RouteResult(from: from, to: to, travel: travel, reachable: false,
                                                               reason: UnreachableJSON(reason, point: name)
                                                                   .suggestingSwap(of: point, network: queries.network,
                                                                                   profile: mode.profile, snap: snap),
                                                               lengthM: nil, timeS: nil, geometry: nil))
                }
            }
            let found = queries.withSearch { $0.route(from: from, to: to, mode: mode, snap: snap) }
            switch found {
            case .unreachable(let reason):
                return try Params.encodeResult(RouteResult(from: from, to: to, travel: travel, reachable: false,
                                                           reason: UnreachableJSON(reason), lengthM: nil, timeS: nil, geometry: nil))
            case .reached(let route):
                return try Params.encodeResult(RouteResult(from: from, to: to, travel: travel, reachable: true, reason: nil,
                                                           lengthM: route.measure.metres, timeS: route.measure.seconds,
                                                           geometry: LineStringJSON(coordinates: route.coordinates)))
            }
        }
    }
}
