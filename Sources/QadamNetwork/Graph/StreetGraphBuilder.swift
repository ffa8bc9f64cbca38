import QadamGeo
import QadamContract

/// Turns ways (node coordinates plus access) into a `StreetGraph`.
///
/// Ways are added as runs of nodes; a node becomes a vertex when it ends a run or is used
/// more than once, and the nodes between vertices become the shape of an edge. Node ids are
/// mapped to dense local indices on first sight, so memory follows the kept ways only.
public struct StreetGraphBuilder {
    private var localIndex: [Int64: Int32] = [:]
    private var nodeID: [Int64] = []
    private var nodeLon: [Double] = []
    private var nodeLat: [Double] = []
    private var useCount: [UInt8] = []
    private var runNodes: [Int32] = []
    private var runStart: [Int] = [0]
    private var runAccess: [WayAccess] = []

    public init() {}

    /// Adds one run of consecutive nodes (at least two) that share the same access.
    public mutating func addWay(nodes: [(id: Int64, coordinate: Coordinate)], access: WayAccess) {
        guard nodes.count >= 2 else { return }
        for (position, node) in nodes.enumerated() {
            let local: Int32
            if let known = localIndex[node.id] {
                local = known
            } else {
                local = Int32(nodeID.count)
                localIndex[node.id] = local
                nodeID.append(node.id)
                nodeLon.append(node.coordinate.lon)
                nodeLat.append(node.coordinate.lat)
                useCount.append(0)
            }
            // Run ends count twice so they always become vertices.
            let uses: UInt8 = position == 0 || position == nodes.count - 1 ? 2 : 1
            useCount[Int(local)] = UInt8(min(2, Int(useCount[Int(local)]) + Int(uses)))
            runNodes.append(local)
        }
        runStart.append(runNodes.count)
        runAccess.append(access)
    }

    public func build() -> StreetGraph {
        let profiles = TravelProfile.allCases.count
        var vertexOf = [Int32](repeating: -1, count: nodeID.count)
        var g = StreetGraph(vertexLon: [], vertexLat: [], vertexSourceID: [], firstArc: [], component: [],
                            arcHead: [], arcEdge: [], edgeFrom: [], edgeTo: [], edgeLength: [],
                            forwardCost: Array(repeating: [], count: profiles),
                            backwardCost: Array(repeating: [], count: profiles),
                            shapeStart: [0], shapeLon: [], shapeLat: [])
        func vertex(_ local: Int32) -> Int32 {
            if vertexOf[Int(local)] < 0 {
                vertexOf[Int(local)] = Int32(g.vertexLon.count)
                g.vertexLon.append(nodeLon[Int(local)])
                g.vertexLat.append(nodeLat[Int(local)])
                g.vertexSourceID.append(nodeID[Int(local)])
            }
            return vertexOf[Int(local)]
        }
        for run in 0..<runAccess.count {
            let access = runAccess[run]
            var pieceStart = runStart[run]
            var length = 0.0
            g.shapeLon.append(nodeLon[Int(runNodes[pieceStart])])
            g.shapeLat.append(nodeLat[Int(runNodes[pieceStart])])
            for i in (runStart[run] + 1)..<runStart[run + 1] {
                let a = Int(runNodes[i - 1]), b = Int(runNodes[i])
                length += NetworkMetric.distance(nodeLon[a], nodeLat[a], nodeLon[b], nodeLat[b])
                g.shapeLon.append(nodeLon[b])
                g.shapeLat.append(nodeLat[b])
                guard useCount[b] >= 2 else { continue }
                g.edgeFrom.append(vertex(runNodes[pieceStart]))
                g.edgeTo.append(vertex(runNodes[i]))
                g.edgeLength.append(Float(length))
                for profile in TravelProfile.allCases {
                    let p = profile.index
                    let fwd = access.secondsPerMetre(profile, forward: true)
                    let bwd = access.secondsPerMetre(profile, forward: false)
                    g.forwardCost[p].append(fwd.map { $0 * Float(length) } ?? .infinity)
                    g.backwardCost[p].append(bwd.map { $0 * Float(length) } ?? .infinity)
                }
                g.shapeStart.append(Int32(g.shapeLon.count))
                if i + 1 < runStart[run + 1] {  // the vertex also starts the next piece's shape
                    g.shapeLon.append(nodeLon[b])
                    g.shapeLat.append(nodeLat[b])
                }
                pieceStart = i
                length = 0
            }
        }
        g.buildAdjacency()
        g.labelComponents()
        return g
    }
}

extension StreetGraph {
    /// Fills the CSR arrays from the edge list: two arcs per edge.
    mutating func buildAdjacency() {
        var degree = [Int32](repeating: 0, count: vertexCount + 1)
        for e in 0..<edgeCount {
            degree[Int(edgeFrom[e])] += 1
            degree[Int(edgeTo[e])] += 1
        }
        firstArc = [Int32](repeating: 0, count: vertexCount + 1)
        for v in 0..<vertexCount { firstArc[v + 1] = firstArc[v] + degree[v] }
        var next = Array(firstArc.dropLast())
        arcHead = [Int32](repeating: 0, count: 2 * edgeCount)
        arcEdge = [Int32](repeating: 0, count: 2 * edgeCount)
        for e in 0..<edgeCount {
            let from = Int(edgeFrom[e]), to = Int(edgeTo[e])
            arcHead[Int(next[from])] = Int32(to); arcEdge[Int(next[from])] = Int32(e << 1); next[from] += 1
            arcHead[Int(next[to])] = Int32(from); arcEdge[Int(next[to])] = Int32(e << 1 | 1); next[to] += 1
        }
    }

    /// Weakly connected components per profile by union-find over usable edges, renumbered
    /// by size so that component 0 is the largest.
    mutating func labelComponents() {
        component = TravelProfile.allCases.map { profile in
            var parent = Array(Int32(0)..<Int32(vertexCount))
            func find(_ x: Int32) -> Int32 {
                var x = x
                while parent[Int(x)] != x {
                    parent[Int(x)] = parent[Int(parent[Int(x)])]
                    x = parent[Int(x)]
                }
                return x
            }
            var touched = [Bool](repeating: false, count: vertexCount)
            for e in 0..<edgeCount where isUsable(edge: e, by: profile) {
                touched[Int(edgeFrom[e])] = true
                touched[Int(edgeTo[e])] = true
                let a = find(edgeFrom[e]), b = find(edgeTo[e])
                if a != b { parent[Int(max(a, b))] = min(a, b) }
            }
            var size = [Int](repeating: 0, count: vertexCount)
            for v in 0..<vertexCount where touched[v] { size[Int(find(Int32(v)))] += 1 }
            let roots = (0..<vertexCount).filter { size[$0] > 0 }.sorted { (size[$0], -$0) > (size[$1], -$1) }
            var label = [Int32](repeating: -1, count: vertexCount)
            for (rank, root) in roots.enumerated() { label[root] = Int32(rank) }
            return (0..<vertexCount).map { touched[$0] ? label[Int(find(Int32($0)))] : -1 }
        }
    }
}
