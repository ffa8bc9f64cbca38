import QadamGeo
@testable import QadamNetwork
import Testing
import QadamContract

/// Compares street graphs built from different files (or from several files and from each on
/// its own) by what they mean rather than by array order: an edge is its end nodes' OSM ids,
/// its length and its costs for every profile.
enum GraphComparison {
    struct EdgeSignature: Hashable {
        var from: Int64, to: Int64
        var length: Float
        var forward: [Float], backward: [Float]
    }

    /// Each edge with how often it occurs (parallel edges are real: two ways between the same nodes).
    static func edges(_ g: StreetGraph) -> [EdgeSignature: Int] {
        Dictionary((0..<g.edgeCount).map { e in
            (EdgeSignature(from: g.vertexSourceID[Int(g.edgeFrom[e])], to: g.vertexSourceID[Int(g.edgeTo[e])],
                           length: g.edgeLength[e], forward: g.forwardCost.map { $0[e] }, backward: g.backwardCost.map { $0[e] }), 1)
        }, uniquingKeysWith: +)
    }

    /// Same vertices (by OSM id and position) and the same edges, whatever their order.
    static func expectSame(_ a: StreetGraph, _ b: StreetGraph, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(a.vertexCount == b.vertexCount && a.edgeCount == b.edgeCount, sourceLocation: sourceLocation)
        let vertices = { (g: StreetGraph) in (0..<g.vertexCount).map { g.vertexSourceID[$0] }.sorted() }
        #expect(vertices(a) == vertices(b), sourceLocation: sourceLocation)
        #expect(edges(a) == edges(b), "edge lists differ", sourceLocation: sourceLocation)
    }

    /// `count` pairs of vertices of `g` (positions), drawn with a fixed seed; `where` picks the
    /// vertices to draw from.
    static func vertexPairs(_ g: StreetGraph, count: Int, seed: UInt64,
                            where keep: (Coordinate) -> Bool = { _ in true }) -> [(Coordinate, Coordinate)] {
        let candidates = (0..<g.vertexCount).map(g.coordinate(ofVertex:)).filter(keep)
        var random = SplitMix64(seed: seed)
        return (0..<count).map { _ in (candidates.randomElement(using: &random)!, candidates.randomElement(using: &random)!) }
    }

    /// Routes between the pairs on both graphs: the same measure (to `relative`) or the same reason.
    static func expectSameRoutes(_ a: StreetGraph, _ b: StreetGraph, pairs: [(Coordinate, Coordinate)],
                                 modes: [TravelMode] = [.walk, .drive], relative: Double = 0,
                                 sourceLocation: SourceLocation = #_sourceLocation) -> Int {
        let searchA = NetworkSearch(network: StreetNetwork(graph: a)), searchB = NetworkSearch(network: StreetNetwork(graph: b))
        var reached = 0
        for (from, to) in pairs {
            for mode in modes {
                let ra = searchA.route(from: from, to: to, mode: mode), rb = searchB.route(from: from, to: to, mode: mode)
                switch (ra, rb) {
                case (.reached(let x), .reached(let y)):
                    reached += 1
                    let same = relative == 0 ? x == y
                        : close(x.measure.seconds, y.measure.seconds, relative: relative) && close(x.measure.metres, y.measure.metres, relative: relative)
                    #expect(same, "\(mode.profile) \(from) -> \(to): \(x.measure) vs \(y.measure)", sourceLocation: sourceLocation)
                default:
                    #expect(ra.reason == rb.reason, "\(mode.profile) \(from) -> \(to): \(ra.reason.map(String.init(describing:)) ?? "reached") vs \(rb.reason.map(String.init(describing:)) ?? "reached")", sourceLocation: sourceLocation)
                }
            }
        }
        return reached
    }
}
