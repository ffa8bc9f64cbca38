import QadamGeo
@testable import QadamNetwork
import Testing
import TestSupport

@Suite("Reached network within a limit")
struct IsochroneTests {
    @Test(arguments: [TravelMode.walk, .drive])
    func reachedVerticesAreThoseWithinTheLimit(mode: TravelMode) {
        var rng = SplitMix64(seed: 77)
        for city in randomCities(count: 10, seed: 5) {
            let network = StreetNetwork(graph: city.graph())
            let search = NetworkSearch(network: network)
            let snap = SnapOptions(maxDistanceMetres: 10_000)
            for point in randomPoints(3, in: city.boundingBox, using: &rng) {
                guard let location = network.locate(point, profile: mode.profile, options: snap).value else { continue }
                let limit = Double.random(in: 30...600, using: &rng)
                guard case .reached(let reached) = search.reachedNetwork(from: point, mode: mode, limitSeconds: limit, snap: snap) else {
                    Issue.record("origin snapped but reachedNetwork failed"); continue
                }
                let reference = ReferenceShortestPaths(graph: network.graph, mode: mode, locations: [location])
                let tree = reference.dijkstra(from: reference.inputNode[0])
                let got = Set(reached.vertices.map(\.vertex))
                for v in 0..<network.graph.vertexCount where !close(tree.seconds[v], limit) {
                    #expect(got.contains(v) == (tree.seconds[v] <= limit), "vertex \(v): \(tree.seconds[v]) vs limit \(limit)")
                }
                // Every piece lies on the network and the pieces never exceed the network.
                let pieceLength = reached.pieces.reduce(0.0) { sum, piece in
                    sum + zip(piece, piece.dropFirst()).reduce(0.0) { $0 + NetworkMetric.distance($1.0, $1.1) }
                }
                #expect(pieceLength <= network.graph.totalLength(usableBy: mode.profile) * (1 + 1e-6))  // Float edge lengths
                #expect(reached.pieces.allSatisfy { $0.count >= 2 })
            }
        }
    }

    /// Reference for the cut pieces: sample each edge at many points and ask, with the
    /// textbook distances, whether each sample is within the limit.
    @Test(arguments: [TravelMode.walk, .drive])
    func piecesMatchSampledReachability(mode: TravelMode) throws {
        var rng = SplitMix64(seed: 404)
        for city in randomCities(count: 6, seed: 31) {
            let network = StreetNetwork(graph: city.graph())
            let g = network.graph
            let search = NetworkSearch(network: network)
            let p = mode.profile.index, scale = mode.costScale
            for point in randomPoints(2, in: city.boundingBox, using: &rng) {
                guard let origin = network.locate(point, profile: mode.profile).value else { continue }
                let limit = Double.random(in: 20...300, using: &rng)
                let reached = try #require(search.reachedNetwork(from: point, mode: mode, limitSeconds: limit).value)
                let reference = ReferenceShortestPaths(graph: g, mode: mode, locations: [origin])
                let tree = reference.dijkstra(from: reference.inputNode[0])
                let samples = 200
                var sampled = 0.0, tolerance = 0.0
                let off = origin.offNetworkMetres * mode.offNetworkSecondsPerMetre
                for e in 0..<g.edgeCount {
                    let fwd = Double(g.forwardCost[p][e]) * scale, back = Double(g.backwardCost[p][e]) * scale
                    let length = Double(g.edgeLength[e])
                    var inside = 0
                    for s in 0...samples {
                        let x = Double(s) / Double(samples)
                        var best = min(tree.seconds[Int(g.edgeFrom[e])] + x * fwd, tree.seconds[Int(g.edgeTo[e])] + (1 - x) * back)
                        if e == origin.edge {
                            best = min(best, off + (x >= origin.fraction ? (x - origin.fraction) * fwd : (origin.fraction - x) * back))
                        }
                        if best <= limit { inside += 1 }
                    }
                    sampled += length * Double(inside) / Double(samples + 1)
                    let touches = inside > 0 || e == origin.edge
                        || min(tree.seconds[Int(g.edgeFrom[e])], tree.seconds[Int(g.edgeTo[e])]) <= limit
                    if touches { tolerance += 3 * length / Double(samples) }
                }
                let drawn = reached.pieces.reduce(0.0) { sum, piece in
                    sum + zip(piece, piece.dropFirst()).reduce(0.0) { $0 + NetworkMetric.distance($1.0, $1.1) }
                }
                #expect(abs(drawn - sampled) <= tolerance + 1e-6 * sampled, "drawn \(drawn) vs sampled \(sampled) ± \(tolerance)")
            }
        }
    }

    @Test func walkPiecesAddUpToTheReachedLength() throws {
        // On a walk graph every metre costs the same, so the reached length is computable:
        // per edge, the part within (limit - cost at an end) from either end.
        let network = StreetNetwork(graph: SyntheticCity(rows: 12, columns: 12, seed: 21).graph())
        let g = network.graph
        let search = NetworkSearch(network: network)
        let start = g.coordinate(ofVertex: 40)
        let limit = 300.0
        let reached = try #require(search.reachedNetwork(from: start, mode: .walk, limitSeconds: limit).value)
        let perMetre = 3.6 / 4.8
        var expected = 0.0
        for e in 0..<g.edgeCount where g.isUsable(edge: e, by: .walk) {
            let length = Double(g.edgeLength[e])
            let a = max(0, (limit - search.seconds(toVertex: Int(g.edgeFrom[e]))) / perMetre)
            let b = max(0, (limit - search.seconds(toVertex: Int(g.edgeTo[e]))) / perMetre)
            expected += min(length, a + b)
        }
        let drawn = reached.pieces.reduce(0.0) { sum, piece in
            sum + zip(piece, piece.dropFirst()).reduce(0.0) { $0 + NetworkMetric.distance($1.0, $1.1) }
        }
        #expect(close(drawn, expected, relative: 1e-3), "drawn \(drawn) vs expected \(expected)")
    }
}

@Suite("Isochrone polygon")
struct IsochronePolygonTests {
    @Test func polygonCoversReachedVerticesAndNotFarOnes() throws {
        let city = SyntheticCity(rows: 15, columns: 15, seed: 12)
        let network = StreetNetwork(graph: city.graph())
        let search = NetworkSearch(network: network)
        let start = city.boundingBox.center
        let reached = try #require(search.reachedNetwork(from: start, mode: .walk, limitSeconds: 300).value)
        let area = try reached.polygon(bufferMetres: 30)
        #expect(area.kind.isPolygonal && area.isValid)
        let prepared = area.prepared()
        for (v, _) in reached.vertices {
            #expect(prepared.contains(network.graph.coordinate(ofVertex: v)))
        }
        // 300 s at 4.8 km/h is 400 m of walking: a vertex 700 m away in a straight line is out.
        let g = network.graph
        let far = (0..<g.vertexCount).filter { NetworkMetric.distance(g.coordinate(ofVertex: $0), start) > 700 }
        #expect(!far.isEmpty)
        for v in far { #expect(!prepared.contains(g.coordinate(ofVertex: v))) }
    }
}
