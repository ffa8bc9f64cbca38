import QadamGeo
import QadamContract

/// One facility found by a nearest query.
public struct FacilityHit: Sendable, Equatable, Hashable {
    /// Index into the facility list the index was built from.
    public var facility: Int
    public var measure: TravelMeasure

    public init(facility: Int, measure: TravelMeasure) {
        self.facility = facility; self.measure = measure
    }
}

/// The k nearest facilities of one kind from every vertex, computed once, so that a nearest
/// query is a snap plus a lookup (the pandana way: all origins at once).
///
/// Built by a multi-source k-label search on the reversed graph: each facility is snapped
/// onto an edge and seeds both ends of it with the cost of finishing the trip along that edge;
/// a vertex keeps labels from at most k distinct facilities. A query point on edge (u, v)
/// combines u's and v's labels with the partial edge costs and the facilities on its own edge;
/// this is exact, because any facility among the point's k nearest is among u's or v's k
/// nearest or on the point's edge.
public final class FacilityIndex: Sendable {
    public let network: StreetNetwork
    public let mode: TravelMode
    public let k: Int
    public let snap: SnapOptions
    /// Snap of each facility; unreachable ones (off the network) are never found.
    public let facilityLocations: [Reach<NetworkLocation>]
    private let labelFacility: [Int32]
    private let labelSeconds: [Double]
    private let labelMetres: [Double]
    private let facilitiesOnEdge: [Int: [Int]]

    /// Memory held by the labels (facility, seconds, metres per slot) and facility snaps.
    public var byteCount: Int {
        labelFacility.count * (4 + 8 + 8) + facilityLocations.count * MemoryLayout<Reach<NetworkLocation>>.stride
    }

    public init(network: StreetNetwork, facilities: [Coordinate], mode: TravelMode, k: Int = 1,
                snap: SnapOptions = SnapOptions()) {
        precondition(k >= 1 && k <= Int(UInt16.max), "k must be in 1...65535")
        self.network = network; self.mode = mode; self.k = k; self.snap = snap
        let g = network.graph
        let p = mode.profile.index, scale = mode.costScale
        facilityLocations = facilities.map { network.locate($0, profile: mode.profile, options: snap) }

        var onEdge: [Int: [Int]] = [:]
        var heap = SearchHeap<FacilityLabel>()
        for (f, reach) in facilityLocations.enumerated() {
            guard case .reached(let l) = reach else { continue }
            onEdge[l.edge, default: []].append(f)
            let off = l.offNetworkMetres * mode.offNetworkSecondsPerMetre
            let length = Double(g.edgeLength[l.edge])
            let fwd = Double(g.forwardCost[p][l.edge]), back = Double(g.backwardCost[p][l.edge])
            // From the edge's from end the facility is reached going forward, and vice versa.
            if fwd.isFinite {
                heap.push(.init(cost: off + fwd * l.fraction * scale, metres: l.offNetworkMetres + length * l.fraction,
                                vertex: g.edgeFrom[l.edge], source: Int32(f)))
            }
            if back.isFinite {
                heap.push(.init(cost: off + back * (1 - l.fraction) * scale, metres: l.offNetworkMetres + length * (1 - l.fraction),
                                vertex: g.edgeTo[l.edge], source: Int32(f)))
            }
        }
        facilitiesOnEdge = onEdge

        var labels = [Int32](repeating: -1, count: g.vertexCount * k)
        var seconds = [Double](repeating: .infinity, count: g.vertexCount * k)
        var metres = [Double](repeating: .infinity, count: g.vertexCount * k)
        var count = [UInt16](repeating: 0, count: g.vertexCount)
        func has(_ v: Int, _ f: Int32) -> Bool {
            for i in (v * k)..<(v * k + Int(count[v])) where labels[i] == f { return true }
            return false
        }
        let forwardCosts = g.forwardCost[p], backwardCosts = g.backwardCost[p]
        while let top = heap.pop() {
            let u = Int(top.vertex)
            guard Int(count[u]) < k, !has(u, top.source) else { continue }
            let slot = u * k + Int(count[u])
            labels[slot] = top.source; seconds[slot] = top.cost; metres[slot] = top.metres
            count[u] += 1
            for arc in Int(g.firstArc[u])..<Int(g.firstArc[u + 1]) {
                let ref = Int(g.arcEdge[arc])
                // Reverse search: the trip runs from the arc's head to u, against the arc.
                let w = Double(ref & 1 == 0 ? backwardCosts[ref >> 1] : forwardCosts[ref >> 1])
                guard w.isFinite else { continue }
                let v = Int(g.arcHead[arc])
                guard Int(count[v]) < k, !has(v, top.source) else { continue }
                heap.push(.init(cost: top.cost + w * scale, metres: top.metres + Double(g.edgeLength[ref >> 1]),
                                vertex: Int32(v), source: top.source))
            }
        }
        labelFacility = labels; labelSeconds = seconds; labelMetres = metres
    }

    /// The up to `count` (default k) nearest facilities from a point, nearest first; a
    /// point off the network, or one from which no facility can be reached, is unreachable.
    public func nearest(to point: Coordinate, count: Int? = nil) -> Reach<[FacilityHit]> {
        switch network.locate(point, profile: mode.profile, options: snap) {
        case .unreachable(let reason): return .unreachable(reason)
        case .reached(let origin): return nearest(to: origin, count: count)
        }
    }

    public func nearest(to origin: NetworkLocation, count wanted: Int? = nil) -> Reach<[FacilityHit]> {
        // The graph is read in place, not copied (see `StreetNetwork.locate`).
        let p = mode.profile.index, scale = mode.costScale
        let e = origin.edge, t = origin.fraction
        let off = origin.offNetworkMetres * mode.offNetworkSecondsPerMetre
        let length = Double(network.graph.edgeLength[e])
        let fwd = Double(network.graph.forwardCost[p][e]), back = Double(network.graph.backwardCost[p][e])
        // At most 2k labels plus the facilities on this edge: a short array searched linearly
        // beats a dictionary (no hashing, one allocation).
        var best: [FacilityHit] = []
        best.reserveCapacity(2 * k + (facilitiesOnEdge[e]?.count ?? 0))
        func offer(_ f: Int, _ seconds: Double, _ metres: Double) {
            guard seconds.isFinite else { return }
            if let i = best.firstIndex(where: { $0.facility == f }) {
                if best[i].measure.seconds > seconds { best[i].measure = TravelMeasure(seconds: seconds, metres: metres) }
            } else {
                best.append(FacilityHit(facility: f, measure: TravelMeasure(seconds: seconds, metres: metres)))
            }
        }
        func offerLabels(of v: Int, seconds: Double, metres: Double) {
            guard seconds.isFinite else { return }
            for i in (v * k)..<(v * k + k) where labelFacility[i] >= 0 {
                offer(Int(labelFacility[i]), seconds + labelSeconds[i], metres + labelMetres[i])
            }
        }
        offerLabels(of: Int(network.graph.edgeFrom[e]), seconds: off + back * t * scale, metres: origin.offNetworkMetres + length * t)
        offerLabels(of: Int(network.graph.edgeTo[e]), seconds: off + fwd * (1 - t) * scale, metres: origin.offNetworkMetres + length * (1 - t))
        for f in facilitiesOnEdge[e] ?? [] {
            guard case .reached(let l) = facilityLocations[f] else { continue }
            let along = l.fraction >= t ? fwd * (l.fraction - t) : back * (t - l.fraction)
            let facilityOff = l.offNetworkMetres * mode.offNetworkSecondsPerMetre
            offer(f, off + along * scale + facilityOff, origin.offNetworkMetres + length * abs(l.fraction - t) + l.offNetworkMetres)
        }
        guard !best.isEmpty else {
            let reachable = facilityLocations.contains { reach in
                guard case .reached(let l) = reach else { return false }
                return network.graph.component[p][Int(network.graph.edgeFrom[l.edge])] == network.graph.component[p][Int(network.graph.edgeFrom[e])]
            }
            return .unreachable(reachable ? .noDirectedPath : .differentComponent)
        }
        best.sort { ($0.measure.seconds, $0.facility) < ($1.measure.seconds, $1.facility) }
        best.removeSubrange(min(wanted ?? k, k, best.count)...)
        return .reached(best)
    }
}
