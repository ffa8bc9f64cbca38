import QadamGeo
import QadamNetwork
import QadamContract

extension MethodRegistry {
    /// `route` (`RPC.Route`): one search, on a worker.
    mutating func registerRoute() {
        register(RPC.Route.self) { params, snapshot in
            let (mode, snap) = try params.travel.resolved()
            let from = try params.from.validated(field: "from"), to = try params.to.validated(field: "to")
            let queries = try snapshot.networkQueries
            let travel = TravelEcho(mode: mode, snap: snap)
            // Say which end is off the network, rather than only that one is.
            for (point, name) in [(from, "the origin ('from')"), (to, "the destination ('to')")] {
                if case .unreachable(let reason) = queries.network.locate(point, profile: mode.profile, options: snap) {
                    return RPC.Route.Result(from: from, to: to, travel: travel,
                                            unreachable: Unreachable(reason, point: name)
                                                .suggestingSwap(of: point, network: queries.network, profile: mode.profile, snap: snap))
                }
            }
            switch queries.withSearch({ $0.route(from: from, to: to, mode: mode, snap: snap) }) {
            case .unreachable(let reason):
                return RPC.Route.Result(from: from, to: to, travel: travel, unreachable: Unreachable(reason))
            case .reached(let route):
                return RPC.Route.Result(from: from, to: to, travel: travel, lengthM: route.measure.metres,
                                        timeS: route.measure.seconds, geometry: LineString(coordinates: route.coordinates))
            }
        }
    }
}
