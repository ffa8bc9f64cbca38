import HeapModule
import QadamGeo

/// Min-cost max-flow on a small network with real-valued capacities, by successive shortest
/// paths with Johnson potentials (Dijkstra on reduced costs). All arc costs must be >= 0, so
/// zero potentials are valid at the start.
///
/// Each augmentation saturates at least one residual arc, which bounds the number of rounds by
/// the arc count; fine for bipartite demand–facility graphs of city or oblast size.
struct MinCostFlow {
    private var head: [Int]
    private var next: [Int] = []
    private var to: [Int] = []
    private var residual: [Double] = []
    private var cost: [Double] = []

    init(nodes: Int) { head = Array(repeating: -1, count: nodes) }

    /// Adds an arc and its reverse; returns the arc's id for reading its flow later.
    @discardableResult
    mutating func addArc(from u: Int, to v: Int, capacity: Double, cost c: Double) -> Int {
        let id = to.count
        for (a, b, cap, cc) in [(u, v, capacity, c), (v, u, 0.0, -c)] {
            to.append(b); residual.append(cap); cost.append(cc)
            next.append(head[a]); head[a] = to.count - 1
        }
        return id
    }

    /// Flow on an arc added by `addArc`: what its reverse arc has accumulated.
    func flow(on arc: Int) -> Double { residual[arc ^ 1] }

    /// Pushes as much flow as possible from `source` to `sink` at minimum total cost.
    /// Residual capacities below `epsilon` count as saturated (float round-off).
    mutating func run(source: Int, sink: Int, epsilon: Double) {
        let n = head.count
        var potential = Array(repeating: 0.0, count: n)
        while true {
            var dist = Array(repeating: Double.infinity, count: n)
            var via = Array(repeating: -1, count: n)
            var heap = Heap<Tentative>()
            dist[source] = 0
            heap.insert(Tentative(cost: 0, vertex: source))
            while let (d, u) = heap.popMin().map({ ($0.cost, $0.vertex) }) {
                if d > dist[u] { continue }
                var a = head[u]
                while a >= 0 {
                    let v = to[a]
                    if residual[a] > epsilon {
                        let nd = d + max(0, cost[a] + potential[u] - potential[v])
                        if nd < dist[v] {
                            dist[v] = nd
                            via[v] = a
                            heap.insert(Tentative(cost: nd, vertex: v))
                        }
                    }
                    a = next[a]
                }
            }
            guard dist[sink].isFinite else { return }
            for v in 0..<n where dist[v].isFinite { potential[v] += dist[v] }
            var push = Double.infinity
            var v = sink
            while v != source { push = min(push, residual[via[v]]); v = to[via[v] ^ 1] }
            v = sink
            while v != source {
                residual[via[v]] -= push
                residual[via[v] ^ 1] += push
                v = to[via[v] ^ 1]
            }
        }
    }
}

/// A vertex waiting in the shortest-path search, ordered by its tentative reduced cost.
private struct Tentative: Comparable {
    let cost: Double
    let vertex: Int

    static func < (a: Tentative, b: Tentative) -> Bool { a.cost < b.cost }
    static func == (a: Tentative, b: Tentative) -> Bool { a.cost == b.cost }
}
