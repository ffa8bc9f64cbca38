import QadamGeo
import QadamContract

/// A shortest path between two points, with its geometry from input point to input point.
public struct Route: Sendable, Equatable {
    public var measure: TravelMeasure
    /// The straight leg to the network, the streets followed, and the leg off it.
    public var coordinates: [Coordinate]
}

extension NetworkSearch {
    /// The fastest route for the mode between two points, or why there is none.
    public func route(from a: Coordinate, to b: Coordinate, mode: TravelMode,
                      snap: SnapOptions = SnapOptions(), limitSeconds: Double = .infinity) -> Reach<Route> {
        let origin: NetworkLocation, target: NetworkLocation
        switch network.locate(a, profile: mode.profile, options: snap) {
        case .reached(let l): origin = l
        case .unreachable(let r): return .unreachable(r)
        }
        switch network.locate(b, profile: mode.profile, options: snap) {
        case .reached(let l): target = l
        case .unreachable(let r): return .unreachable(r)
        }
        run(from: origin, mode: mode, limitSeconds: limitSeconds, stopAt: target)
        guard let (measure, via) = best(to: target) else { return .unreachable(unreachableReason(to: target)) }
        return .reached(Route(measure: measure, coordinates: geometry(from: origin, to: target, via: via)))
    }

    private func geometry(from origin: NetworkLocation, to target: NetworkLocation, via: Int?) -> [Coordinate] {
        let g = network.graph
        var line = [origin.input, origin.point]
        if let via {
            let path = arcs(toVertex: via)
            let start = path.first.map { arc -> Int in
                let ref = Int(g.arcEdge[arc])
                return Int(ref & 1 == 1 ? g.edgeTo[ref >> 1] : g.edgeFrom[ref >> 1])
            } ?? via
            line += network.edgePiece(origin.edge, from: origin.fraction, to: start == Int(g.edgeFrom[origin.edge]) ? 0 : 1)
            for arc in path {
                let ref = Int(g.arcEdge[arc])
                let shape = g.shape(ofEdge: ref >> 1)
                line += ref & 1 == 1 ? shape.reversed() : shape
            }
            line += network.edgePiece(target.edge, from: via == Int(g.edgeFrom[target.edge]) ? 0 : 1, to: target.fraction)
        } else {
            line += network.edgePiece(origin.edge, from: origin.fraction, to: target.fraction)
        }
        line += [target.point, target.input]
        var deduplicated: [Coordinate] = []
        for c in line where deduplicated.last != c { deduplicated.append(c) }
        return deduplicated
    }
}
