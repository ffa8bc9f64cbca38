import Benchmark
import Foundation
import QadamGeo
import QadamNetwork

/// The street network on the query path: building, snapping, one-to-all, facility lookups,
/// routes and the cache, on deterministic synthetic cities of 100k and 1M intersections.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(metrics: [.wallClock, .mallocCountTotal, .peakMemoryResident],
                                           maxDuration: .seconds(3))

    let city = SyntheticCity(approximateVertices: 100_000, seed: 1)
    let graph = city.graph()
    let network = StreetNetwork(graph: graph)
    var rng = SplitMix64(seed: 7)
    func points(_ n: Int, _ box: BoundingBox) -> [Coordinate] {
        (0..<n).map { _ in
            Coordinate(lon: Double.random(in: box.minX...box.maxX, using: &rng),
                       lat: Double.random(in: box.minY...box.maxY, using: &rng))
        }
    }
    let queries = points(1_000, city.boundingBox)
    let schools = points(200, city.boundingBox)
    let origin = network.locate(city.boundingBox.center, profile: .walk).value!

    Benchmark("Synthetic city 100k: generate and compile graph") { _ in
        blackHole(SyntheticCity(approximateVertices: 100_000, seed: 1).graph())
    }
    Benchmark("Snapping index build 100k") { _ in
        blackHole(StreetNetwork(graph: graph))
    }
    Benchmark("Snap 1000 points (100k)") { benchmark in
        for _ in benchmark.scaledIterations {
            for q in queries { blackHole(network.locate(q, profile: .walk)) }
        }
    }
    let search = NetworkSearch(network: network)
    Benchmark("Dijkstra one-to-all walk (100k)") { benchmark in
        for _ in benchmark.scaledIterations { search.run(from: origin, mode: .walk) }
    }
    Benchmark("Dijkstra 15 min walk (100k)") { benchmark in
        for _ in benchmark.scaledIterations { search.run(from: origin, mode: .walk, limitSeconds: 900) }
    }
    Benchmark("Facility index k=1, 200 facilities (100k)") { _ in
        blackHole(FacilityIndex(network: network, facilities: schools, mode: .walk, k: 1))
    }
    Benchmark("Facility index k=3, 200 facilities (100k)") { _ in
        blackHole(FacilityIndex(network: network, facilities: schools, mode: .walk, k: 3))
    }
    let index = FacilityIndex(network: network, facilities: schools, mode: .walk, k: 1)
    Benchmark("Nearest facility, 1000 points (100k)") { benchmark in
        for _ in benchmark.scaledIterations {
            for q in queries { blackHole(index.nearest(to: q)) }
        }
    }
    Benchmark("Route, 100 pairs (100k)") { benchmark in
        for _ in benchmark.scaledIterations {
            for i in 0..<100 { blackHole(search.route(from: queries[i], to: queries[999 - i], mode: .walk)) }
        }
    }
    let cache = FileManager.default.temporaryDirectory.appendingPathComponent("qadam-bench-\(getpid()).qnet")
    try! StreetGraphCache.write(graph, sourceFingerprint: 1, to: cache)
    Benchmark("Graph cache load (100k)") { _ in
        blackHole(try StreetGraphCache.read(from: cache))
    }

    Benchmark("Synthetic city 1M: compile and one-to-all walk", configuration: .init(maxIterations: 1)) { _ in
        let big = SyntheticCity(approximateVertices: 1_000_000, seed: 2)
        let bigNetwork = StreetNetwork(graph: big.graph())
        let bigSearch = NetworkSearch(network: bigNetwork)
        bigSearch.run(from: bigNetwork.locate(big.boundingBox.center, profile: .walk).value!, mode: .walk)
        blackHole(bigSearch.seconds(toVertex: 0))
    }
}
