import QadamGeo
import QadamContract

/// One-to-all shortest paths from a snapped origin (Dijkstra, 4-ary heap), with buffers
/// kept between runs: a search object belongs to one thread and answers many queries.
///
/// Costs are seconds for the mode (stored edge costs times `mode.costScale`); metres are
/// carried along the same tree. The origin starts part-way along its edge, so both ends of
/// that edge are seeded with the partial cost to reach them, and a destination on the same
/// edge is also reached directly along it.
public final class NetworkSearch {
    public let network: StreetNetwork
    /// Per-vertex labels of the last run. They live in one struct so that the hot loop runs
    /// as one mutating method: array accesses on a class's stored properties would each pay
    /// a dynamic exclusivity check, which cost more than the search itself.
    private var labels: SearchLabels

    private(set) var origin: NetworkLocation?
    private(set) var mode = TravelMode.walk
    private(set) var limitSeconds = Double.infinity

    public init(network: StreetNetwork) {
        self.network = network
        labels = SearchLabels(vertexCount: network.graph.vertexCount)
    }

    /// What one search object holds for a graph of `vertices`: cost, metres and parent per
    /// vertex (the heap and touched list grow with a run and are not counted).
    public static func byteCount(vertices: Int) -> Int { vertices * (8 + 8 + 4) }

    /// Runs Dijkstra from `origin` until every vertex within `limitSeconds` is settled.
    public func run(from origin: NetworkLocation, mode: TravelMode, limitSeconds: Double = .infinity) {
        run(from: origin, mode: mode, limitSeconds: limitSeconds, stopAt: nil)
    }

    /// With `stopAt`, the search ends as soon as no unsettled vertex can improve the way to
    /// that destination (a point-to-point query); costs of other vertices are then partial.
    func run(from origin: NetworkLocation, mode: TravelMode, limitSeconds: Double, stopAt target: NetworkLocation?) {
        labels.reset()
        self.origin = origin; self.mode = mode; self.limitSeconds = limitSeconds
        let g = network.graph
        let p = mode.profile.index, scale = mode.costScale
        let e = origin.edge, t = origin.fraction
        let off = origin.offNetworkMetres * mode.offNetworkSecondsPerMetre
        let length = Double(g.edgeLength[e])
        let back = Double(g.backwardCost[p][e]), fwd = Double(g.forwardCost[p][e])
        if back.isFinite {
            labels.relax(g.edgeFrom[e], cost: off + back * t * scale, metres: origin.offNetworkMetres + length * t, arc: -1, limit: limitSeconds)
        }
        if fwd.isFinite {
            labels.relax(g.edgeTo[e], cost: off + fwd * (1 - t) * scale, metres: origin.offNetworkMetres + length * (1 - t), arc: -1, limit: limitSeconds)
        }
        let stop = target.map { target in
            let te = target.edge, tt = target.fraction
            return TargetStop(from: Int(g.edgeFrom[te]), to: Int(g.edgeTo[te]),
                              alongFromEnd: Double(g.forwardCost[p][te]) * tt * scale,
                              alongToEnd: Double(g.backwardCost[p][te]) * (1 - tt) * scale,
                              offSeconds: target.offNetworkMetres * mode.offNetworkSecondsPerMetre,
                              initialBound: best(to: target)?.0.seconds ?? .infinity)
        }
        labels.settle(graph: g, forward: g.forwardCost[p], backward: g.backwardCost[p], scale: scale,
                      limit: limitSeconds, stop: stop)
    }

    /// Vertices the last run reached within its limit, in ascending index order.
    public func reachedVertices() -> [Int] {
        labels.touched.lazy.map(Int.init).filter { self.labels.cost[$0] <= self.limitSeconds }.sorted()
    }

    /// Seconds from the last run's origin to vertex v (infinity if not reached in the limit).
    public func seconds(toVertex v: Int) -> Double { labels.cost[v] }
    public func metres(toVertex v: Int) -> Double { labels.metres[v] }

    /// The cheapest way from the last run's origin to a snapped destination: entering its
    /// edge from either end, or along the origin edge when both lie on the same edge.
    /// Returns the measure and how the destination edge is entered (nil = directly).
    func best(to target: NetworkLocation) -> (TravelMeasure, enteredFromVertex: Int?)? {
        guard let origin else { return nil }
        let g = network.graph
        let p = mode.profile.index, scale = mode.costScale
        let e = target.edge, t = target.fraction
        let length = Double(g.edgeLength[e])
        let offSeconds = target.offNetworkMetres * mode.offNetworkSecondsPerMetre
        var best: (TravelMeasure, Int?)?
        func consider(_ seconds: Double, _ metres: Double, _ via: Int?) {
            guard seconds.isFinite else { return }
            if best == nil || seconds < best!.0.seconds {
                best = (TravelMeasure(seconds: seconds, metres: metres), via)
            }
        }
        let from = Int(g.edgeFrom[e]), to = Int(g.edgeTo[e])
        let fwd = Double(g.forwardCost[p][e]), back = Double(g.backwardCost[p][e])
        consider(labels.cost[from] + fwd * t * scale + offSeconds, labels.metres[from] + length * t + target.offNetworkMetres, from)
        consider(labels.cost[to] + back * (1 - t) * scale + offSeconds, labels.metres[to] + length * (1 - t) + target.offNetworkMetres, to)
        if e == origin.edge {
            let originOff = origin.offNetworkMetres * mode.offNetworkSecondsPerMetre
            let along = t >= origin.fraction ? fwd * (t - origin.fraction) : back * (origin.fraction - t)
            consider(originOff + along * scale + offSeconds,
                     origin.offNetworkMetres + length * abs(t - origin.fraction) + target.offNetworkMetres, nil)
        }
        guard let best, best.0.seconds <= limitSeconds else { return nil }
        return best
    }

    /// Travel measure to a destination after `run`, or why it is unreachable.
    public func measure(to target: NetworkLocation) -> Reach<TravelMeasure> {
        if let (m, _) = best(to: target) { return .reached(m) }
        return .unreachable(unreachableReason(to: target))
    }

    func unreachableReason(to target: NetworkLocation) -> UnreachableReason {
        guard let origin else { return .differentComponent }
        let g = network.graph, p = mode.profile.index
        if g.component[p][Int(g.edgeFrom[origin.edge])] != g.component[p][Int(g.edgeFrom[target.edge])] {
            return .differentComponent
        }
        return limitSeconds.isFinite ? .beyondLimit : .noDirectedPath
    }

    /// The vertices on the tree path to v, origin side first, as arcs.
    func arcs(toVertex v: Int) -> [Int] {
        var path: [Int] = []
        var current = v
        while labels.parentArc[current] >= 0 {
            let arc = Int(labels.parentArc[current])
            path.append(arc)
            let ref = Int(network.graph.arcEdge[arc])
            let e = ref >> 1
            current = Int(ref & 1 == 1 ? network.graph.edgeTo[e] : network.graph.edgeFrom[e])
        }
        return path.reversed()
    }
}
