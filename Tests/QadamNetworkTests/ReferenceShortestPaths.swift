import QadamGeo
@testable import QadamNetwork
import TestSupport
import QadamContract

/// The obviously-correct twin of the fast search: an adjacency list in which every snapped
/// location is a real node (its edge split there) joined to its input point by the straight
/// leg, searched by textbook Dijkstra (scan all nodes for the minimum, no heap, no tricks).
struct ReferenceShortestPaths {
    struct Arc { var to: Int; var seconds: Double; var metres: Double }
    var adjacency: [[Arc]]
    let vertexCount: Int
    /// Node of each location's input point.
    var inputNode: [Int] = []

    init(graph g: StreetGraph, mode: TravelMode, locations: [NetworkLocation]) {
        let p = mode.profile.index, scale = mode.costScale
        vertexCount = g.vertexCount
        adjacency = Array(repeating: [], count: g.vertexCount + 2 * locations.count)
        var onEdge: [Int: [(fraction: Double, node: Int)]] = [:]
        for (i, l) in locations.enumerated() {
            let snapNode = g.vertexCount + 2 * i, input = snapNode + 1
            inputNode.append(input)
            let leg = l.offNetworkMetres * mode.offNetworkSecondsPerMetre
            adjacency[input].append(Arc(to: snapNode, seconds: leg, metres: l.offNetworkMetres))
            adjacency[snapNode].append(Arc(to: input, seconds: leg, metres: l.offNetworkMetres))
            onEdge[l.edge, default: []].append((l.fraction, snapNode))
        }
        for e in 0..<g.edgeCount {
            let fwd = Double(g.forwardCost[p][e]), back = Double(g.backwardCost[p][e])
            let length = Double(g.edgeLength[e])
            let chain = [(0.0, Int(g.edgeFrom[e]))] + (onEdge[e] ?? []).sorted { $0.fraction < $1.fraction }.map { ($0.fraction, $0.node) }
                + [(1.0, Int(g.edgeTo[e]))]
            for (a, b) in zip(chain, chain.dropFirst()) {
                let share = b.0 - a.0
                if fwd.isFinite { adjacency[a.1].append(Arc(to: b.1, seconds: fwd * share * scale, metres: length * share)) }
                if back.isFinite { adjacency[b.1].append(Arc(to: a.1, seconds: back * share * scale, metres: length * share)) }
            }
        }
    }

    /// Seconds and metres from `source` to every node.
    func dijkstra(from source: Int) -> (seconds: [Double], metres: [Double]) {
        var seconds = [Double](repeating: .infinity, count: adjacency.count)
        var metres = [Double](repeating: .infinity, count: adjacency.count)
        var done = [Bool](repeating: false, count: adjacency.count)
        seconds[source] = 0; metres[source] = 0
        while true {
            var u = -1
            for v in adjacency.indices where !done[v] && seconds[v].isFinite && (u < 0 || seconds[v] < seconds[u]) { u = v }
            if u < 0 { break }
            done[u] = true
            for arc in adjacency[u] where seconds[u] + arc.seconds < seconds[arc.to] {
                seconds[arc.to] = seconds[u] + arc.seconds
                metres[arc.to] = metres[u] + arc.metres
            }
        }
        return (seconds, metres)
    }
}

/// Relative closeness for comparing the fast and the reference sums.
func close(_ a: Double, _ b: Double, relative: Double = 1e-9) -> Bool {
    if a == b { return true }
    return abs(a - b) <= relative * max(abs(a), abs(b), 1e-12)
}

/// Random points over (and a little beyond) a synthetic city.
func randomPoints(_ count: Int, in box: BoundingBox, using rng: inout SplitMix64) -> [Coordinate] {
    let padX = (box.maxX - box.minX) * 0.05, padY = (box.maxY - box.minY) * 0.05
    return (0..<count).map { _ in
        Coordinate(lon: Double.random(in: (box.minX - padX)...(box.maxX + padX), using: &rng),
                   lat: Double.random(in: (box.minY - padY)...(box.maxY + padY), using: &rng))
    }
}

/// A few synthetic cities of different shapes and seeds for property tests.
func randomCities(count: Int, seed: UInt64) -> [SyntheticCity] {
    var rng = SplitMix64(seed: seed)
    return (0..<count).map { _ in
        var city = SyntheticCity(rows: Int.random(in: 3...12, using: &rng), columns: Int.random(in: 3...12, using: &rng),
                                 seed: rng.next())
        city.missingShare = Double.random(in: 0...0.3, using: &rng)
        return city
    }
}
