import QadamGeo
import QadamContract

/// The part of the network reachable from a point within a time limit.
public struct ReachedNetwork: Sendable {
    /// The point the search started from.
    public var origin: Coordinate
    /// Vertices reached, with their travel seconds.
    public var vertices: [(vertex: Int, seconds: Double)]
    /// The reached street pieces as lines: whole edges, and edges cut where the limit runs
    /// out (from one or both ends, and both ways from the origin along its own edge).
    public var pieces: [[Coordinate]]
}

extension NetworkSearch {
    /// Everything reachable within `limitSeconds` from the point; `ReachedNetwork.polygon`
    /// turns it into an isochrone area.
    public func reachedNetwork(from point: Coordinate, mode: TravelMode, limitSeconds: Double,
                               snap: SnapOptions = SnapOptions()) -> Reach<ReachedNetwork> {
        let origin: NetworkLocation
        switch network.locate(point, profile: mode.profile, options: snap) {
        case .reached(let l): origin = l
        case .unreachable(let r): return .unreachable(r)
        }
        run(from: origin, mode: mode, limitSeconds: limitSeconds)
        let g = network.graph
        let p = mode.profile.index, scale = mode.costScale
        var result = ReachedNetwork(origin: point, vertices: [], pieces: [])
        for v in reachedVertices() { result.vertices.append((v, seconds(toVertex: v))) }
        // Only edges at a reached vertex, and the origin's own edge, can be partly reached.
        var candidates = Set([origin.edge])
        for (v, _) in result.vertices {
            for arc in Int(g.firstArc[v])..<Int(g.firstArc[v + 1]) { candidates.insert(Int(g.arcEdge[arc]) >> 1) }
        }
        for e in candidates.sorted() {
            let from = Int(g.edgeFrom[e]), to = Int(g.edgeTo[e])
            let fwd = Double(g.forwardCost[p][e]) * scale, back = Double(g.backwardCost[p][e]) * scale
            func share(_ start: Double, _ w: Double) -> Double {
                guard start <= limitSeconds, w.isFinite else { return 0 }
                return w > 0 ? min(1, (limitSeconds - start) / w) : 1
            }
            // Reached intervals of the edge, as fractions from its from end.
            var intervals: [(Double, Double)] = []
            let fromFrom = share(seconds(toVertex: from), fwd), fromTo = share(seconds(toVertex: to), back)
            if fromFrom > 0 { intervals.append((0, fromFrom)) }
            if fromTo > 0 { intervals.append((1 - fromTo, 1)) }
            if e == origin.edge {
                let off = origin.offNetworkMetres * mode.offNetworkSecondsPerMetre
                intervals.append((max(0, origin.fraction - share(off, back)), min(1, origin.fraction + share(off, fwd))))
            }
            for (low, high) in Self.merged(intervals) where high > low {
                result.pieces.append(low == 0 && high == 1 ? g.shape(ofEdge: e) : network.edgePiece(e, from: low, to: high))
            }
        }
        return .reached(result)
    }

    /// Overlapping or touching intervals joined, sorted by start.
    static func merged(_ intervals: [(Double, Double)]) -> [(Double, Double)] {
        var result: [(Double, Double)] = []
        for (low, high) in intervals.sorted(by: { $0.0 < $1.0 }) {
            if let last = result.last, low <= last.1 {
                result[result.count - 1].1 = max(last.1, high)
            } else {
                result.append((low, high))
            }
        }
        return result
    }
}
