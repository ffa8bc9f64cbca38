import QadamGeo
import QadamContract

/// Where a point meets the network: a position on one edge, with the straight leg to it.
public struct NetworkLocation: Sendable, Equatable {
    /// The point that was snapped.
    public var input: Coordinate
    public var edge: Int
    /// Share of the edge's length from its `from` vertex to the snapped point, 0...1.
    public var fraction: Double
    /// The snapped point on the edge.
    public var point: Coordinate
    /// Length of the straight leg from `input` to `point`, in metres.
    public var offNetworkMetres: Double
}

/// How points are snapped to the network.
public struct SnapOptions: Sendable, Hashable {
    /// Points farther than this from every usable street are `offNetwork`.
    public var maxDistanceMetres: Double
    /// Snap only to the profile's largest component, so that a point next to a detached
    /// fragment (a private yard path, a mapping error) still reaches the city.
    public var largestComponentOnly: Bool

    public init(maxDistanceMetres: Double = 500, largestComponentOnly: Bool = false) {
        self.maxDistanceMetres = maxDistanceMetres; self.largestComponentOnly = largestComponentOnly
    }
}

/// A compiled street graph with its snapping index: the immutable object queries share.
public final class StreetNetwork: Sendable {
    public let graph: StreetGraph
    let segments: SegmentGridIndex

    public init(graph: StreetGraph) {
        self.graph = graph
        segments = SegmentGridIndex(graph: graph)
    }

    /// Snaps a point to the nearest edge the profile may use (in either direction).
    public func locate(_ c: Coordinate, profile: TravelProfile,
                       options: SnapOptions = SnapOptions()) -> Reach<NetworkLocation> {
        // The graph is read in place: a local copy of the struct retained and released each of
        // its arrays on every call (a tenth of an audit chunk's CPU in qadamd, perf).
        let p = profile.index
        let hit = segments.nearest(to: c, graph: graph) { e in
            guard graph.isUsable(edge: e, by: profile) else { return false }
            return !options.largestComponentOnly || graph.component[p][Int(graph.edgeFrom[e])] == 0
        }
        guard let hit else { return .unreachable(.offNetwork(distanceMetres: .infinity)) }
        let i = hit.segment
        let point = Coordinate(lon: graph.shapeLon[i] + hit.t * (graph.shapeLon[i + 1] - graph.shapeLon[i]),
                               lat: graph.shapeLat[i] + hit.t * (graph.shapeLat[i + 1] - graph.shapeLat[i]))
        let off = NetworkMetric.distance(c, point)
        guard off <= options.maxDistanceMetres else { return .unreachable(.offNetwork(distanceMetres: off)) }
        // Fraction by length: geodesic lengths of the shape, as the edge length was made.
        var before = 0.0, total = 0.0
        for k in Int(graph.shapeStart[hit.edge])..<(Int(graph.shapeStart[hit.edge + 1]) - 1) {
            let s = NetworkMetric.distance(graph.shapeLon[k], graph.shapeLat[k], graph.shapeLon[k + 1], graph.shapeLat[k + 1])
            if k < i { before += s } else if k == i { before += s * hit.t }
            total += s
        }
        let fraction = total > 0 ? min(1, max(0, before / total)) : 0
        return .reached(NetworkLocation(input: c, edge: hit.edge, fraction: fraction, point: point, offNetworkMetres: off))
    }

    /// Coordinates of edge `e` between two fractions of its length, in travel order
    /// (`from > to` walks it backwards). Used for route geometry and isochrone pieces.
    public func edgePiece(_ e: Int, from a: Double, to b: Double) -> [Coordinate] {
        let g = graph
        let start = Int(g.shapeStart[e]), end = Int(g.shapeStart[e + 1])
        var cumulative = [0.0]
        for k in start..<(end - 1) {
            cumulative.append(cumulative.last! + NetworkMetric.distance(g.shapeLon[k], g.shapeLat[k], g.shapeLon[k + 1], g.shapeLat[k + 1]))
        }
        let total = cumulative.last!
        func point(at f: Double) -> Coordinate {
            let target = f * total
            var k = 0
            while k < cumulative.count - 2 && cumulative[k + 1] < target { k += 1 }
            let span = cumulative[k + 1] - cumulative[k]
            let t = span > 0 ? min(1, max(0, (target - cumulative[k]) / span)) : 0
            return Coordinate(lon: g.shapeLon[start + k] + t * (g.shapeLon[start + k + 1] - g.shapeLon[start + k]),
                              lat: g.shapeLat[start + k] + t * (g.shapeLat[start + k + 1] - g.shapeLat[start + k]))
        }
        let low = min(a, b), high = max(a, b)
        var piece = [point(at: low)]
        for k in 1..<(cumulative.count - 1) where cumulative[k] > low * total && cumulative[k] < high * total {
            piece.append(Coordinate(lon: g.shapeLon[start + k], lat: g.shapeLat[start + k]))
        }
        piece.append(point(at: high))
        return a <= b ? piece : piece.reversed()
    }
}
