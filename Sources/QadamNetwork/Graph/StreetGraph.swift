import QadamGeo
import QadamContract

/// The compiled street network in compact arrays, shared read-only by all queries.
///
/// - Vertices are street intersections and dead ends (OSM nodes used by two ways or ending a
///   way); the nodes in between are shape points of an edge.
/// - An *edge* is one street piece between two vertices, with its length, its geometry and,
///   per profile and direction, its cost in seconds at the profile's default speed
///   (`+infinity` where the profile may not go).
/// - Each edge gives two *arcs* in the CSR adjacency (one at each end), so a search walks
///   out of a vertex by reading a contiguous range; an arc refers to its edge and direction.
///
/// Core size: 40 bytes per vertex and 28 per arc (see `coreByteCount`), well under the
/// 64 / 32 targets, which lets a national graph fit in memory.
public struct StreetGraph: Sendable {
    // Vertices
    public internal(set) var vertexLon: [Double]
    public internal(set) var vertexLat: [Double]
    /// Source id of each vertex (OSM node id, or a synthetic id).
    public internal(set) var vertexSourceID: [Int64]
    /// CSR offsets: the arcs leaving vertex v are `firstArc[v] ..< firstArc[v + 1]`.
    public internal(set) var firstArc: [Int32]
    /// Weakly connected component of each vertex per profile (`-1` if the profile uses no
    /// edge at it); component 0 is the largest.
    public internal(set) var component: [[Int32]]

    // Arcs, grouped by tail vertex
    public internal(set) var arcHead: [Int32]
    /// `edge << 1 | 1` when the arc runs against the edge's direction.
    public internal(set) var arcEdge: [Int32]

    // Edges
    public internal(set) var edgeFrom: [Int32]
    public internal(set) var edgeTo: [Int32]
    public internal(set) var edgeLength: [Float]
    /// Per profile: costs in seconds forward (from -> to) and backward.
    public internal(set) var forwardCost: [[Float]]
    public internal(set) var backwardCost: [[Float]]
    /// The shape of edge e is points `shapeStart[e] ..< shapeStart[e + 1]`, ends included.
    public internal(set) var shapeStart: [Int32]
    public internal(set) var shapeLon: [Double]
    public internal(set) var shapeLat: [Double]

    public var vertexCount: Int { vertexLon.count }
    public var edgeCount: Int { edgeFrom.count }
    public var arcCount: Int { arcHead.count }

    public func coordinate(ofVertex v: Int) -> Coordinate { Coordinate(lon: vertexLon[v], lat: vertexLat[v]) }

    public func shape(ofEdge e: Int) -> [Coordinate] {
        (Int(shapeStart[e])..<Int(shapeStart[e + 1])).map { Coordinate(lon: shapeLon[$0], lat: shapeLat[$0]) }
    }

    /// True when the profile may use edge `e` in at least one direction.
    public func isUsable(edge e: Int, by profile: TravelProfile) -> Bool {
        forwardCost[profile.index][e].isFinite || backwardCost[profile.index][e].isFinite
    }

    /// Total length in metres of the edges the profile may use (each street counted once).
    public func totalLength(usableBy profile: TravelProfile) -> Double {
        (0..<edgeCount).reduce(0) { isUsable(edge: $1, by: profile) ? $0 + Double(edgeLength[$1]) : $0 }
    }

    /// Number of vertices in the profile's largest component.
    public func largestComponentSize(_ profile: TravelProfile) -> Int {
        component[profile.index].reduce(0) { $1 == 0 ? $0 + 1 : $0 }
    }

    /// Bytes of the core arrays (without edge shapes): what the size targets are about.
    public var coreByteCount: (perVertex: Double, perArc: Double) {
        let profiles = TravelProfile.allCases.count
        let vertexBytes = 8 + 8 + 8 + 4 + 4 * profiles
        let edgeBytes = 4 + 4 + 4 + 4 + 2 * 4 * profiles
        return (Double(vertexBytes), Double(4 + 4) + Double(edgeBytes) / 2)
    }
}
