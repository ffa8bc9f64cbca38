/// The destination of a point-to-point search: the ends of its edge and what it costs to
/// finish the trip from each, so the search can stop once nothing left can do better.
struct TargetStop {
    let from: Int, to: Int
    let alongFromEnd: Double, alongToEnd: Double
    let offSeconds: Double
    /// The best way known before the search starts (along the origin's own edge).
    let initialBound: Double

    /// The way to the target through end u, in the same order of additions as
    /// `NetworkSearch.best(to:)`, so the bound equals what that would report.
    @inline(__always)
    func way(through u: Int, cost: Double) -> Double {
        var best = Double.infinity
        if u == from { best = cost + alongFromEnd + offSeconds }
        if u == to { best = min(best, cost + alongToEnd + offSeconds) }
        return best
    }
}

/// Dijkstra's per-vertex state (cost, metres, parent arc) with the vertices a run touched, so
/// the next run resets only those, and the heap.
///
/// No "settled" flags: costs are non-negative and a vertex is pushed only when its cost
/// strictly drops, so exactly one heap entry per vertex carries its final cost (the others
/// are stale and skipped), and a settled vertex can never be improved.
struct SearchLabels {
    var cost: [Double]
    var metres: [Double]
    /// The arc by which each vertex was reached; -1 for the seeds at the origin edge's ends.
    var parentArc: [Int32]
    var touched: [Int32] = []
    var heap = SearchHeap<VertexLabel>()

    init(vertexCount n: Int) {
        cost = Array(repeating: .infinity, count: n)
        metres = Array(repeating: .infinity, count: n)
        parentArc = Array(repeating: -1, count: n)
    }

    mutating func reset() {
        for v in touched {
            let i = Int(v)
            cost[i] = .infinity; metres[i] = .infinity; parentArc[i] = -1
        }
        touched.removeAll(keepingCapacity: true)
        heap.removeAll()
    }

    @inline(__always)
    mutating func relax(_ v: Int32, cost c: Double, metres m: Double, arc: Int32, limit: Double) {
        let i = Int(v)
        guard c < cost[i], c <= limit else { return }
        if cost[i] == .infinity { touched.append(v) }
        cost[i] = c; metres[i] = m; parentArc[i] = arc
        heap.push(VertexLabel(cost: c, vertex: v))
    }

    /// Settles vertices in cost order from the seeded heap, within `limit` seconds.
    mutating func settle(graph g: StreetGraph, forward: [Float], backward: [Float], scale: Double,
                         limit: Double, stop: TargetStop?) {
        var bound = stop?.initialBound ?? .infinity
        while let top = heap.pop() {
            let u = Int(top.vertex)
            guard top.cost == cost[u] else { continue }  // stale entry
            if top.cost >= bound { break }  // nothing left can shorten the way to the target
            if let stop { bound = min(bound, stop.way(through: u, cost: top.cost)) }
            let reachedMetres = metres[u]
            for arc in Int(g.firstArc[u])..<Int(g.firstArc[u + 1]) {
                let ref = Int(g.arcEdge[arc])
                let e = ref >> 1
                let w = Double(ref & 1 == 1 ? backward[e] : forward[e])
                guard w.isFinite else { continue }
                relax(g.arcHead[arc], cost: top.cost + w * scale, metres: reachedMetres + Double(g.edgeLength[e]), arc: Int32(arc), limit: limit)
            }
        }
    }
}
