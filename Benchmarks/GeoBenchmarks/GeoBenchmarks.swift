import Benchmark
import Foundation
import QadamData
import QadamGeo
import QadamContract

/// Spatial primitives on the query path: R-tree look-ups, point-in-polygon, geodesics, and
/// `locate` itself on the default dataset.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(metrics: [.wallClock, .mallocCountTotal, .peakMemoryResident],
                                           maxDuration: .seconds(2))

    // 100,000 small boxes scattered over Kazakhstan's extent, deterministic.
    var rng = SplitMix64(seed: 42)
    let boxes: [BoundingBox] = (0..<100_000).map { _ in
        let lon = Double.random(in: 46.5..<87.5, using: &rng), lat = Double.random(in: 40.5..<55.5, using: &rng)
        return BoundingBox(minX: lon, minY: lat, maxX: lon + 0.01, maxY: lat + 0.01)
    }
    let tree = PackedRTree(boxes: boxes)
    let almaty = Coordinate(lon: 76.9286, lat: 43.2567)

    Benchmark("PackedRTree build 100k") { benchmark in
        blackHole(PackedRTree(boxes: boxes))
    }
    Benchmark("PackedRTree nearest k=10 of 100k") { benchmark in
        for _ in benchmark.scaledIterations { blackHole(tree.nearest(to: almaty, k: 10)) }
    }
    Benchmark("PackedRTree point query of 100k") { benchmark in
        for _ in benchmark.scaledIterations { blackHole(tree.containing(point: almaty)) }
    }

    let district = try! Geometry.point(almaty).buffer(0.05, quadrantSegments: 64).prepared()
    Benchmark("Prepared point-in-polygon (256-gon)") { benchmark in
        for _ in benchmark.scaledIterations { blackHole(district.covers(almaty)) }
    }
    let astana = Coordinate(lon: 71.4304, lat: 51.1282)
    Benchmark("Geodesic distance Almaty-Astana") { benchmark in
        for _ in benchmark.scaledIterations { blackHole(Geodesic.distance(almaty, astana)) }
    }

    // `locate` in-process on the default dataset (Almaty 2012 + Konaev: 9,899 settlements, the
    // districts, polycentres, agglomerations) when `scripts/run-demo.sh` has built it; the
    // typed-contract issue asks ≤ 20 µs. Run from the repository root.
    if let store = try? DatasetStore.open(URL(fileURLWithPath: "out/default.sqlite")),
       let gazetteer = try? Gazetteer(store: store) {
        let points = [almaty, Coordinate(lon: 77.0, lat: 43.87), Coordinate(lon: 76.95, lat: 43.25), Coordinate(lon: 71.43, lat: 51.13)]
        Benchmark("Gazetteer.locate, default dataset (4 points)") { benchmark in
            for _ in benchmark.scaledIterations { for p in points { blackHole(gazetteer.locate(p)) } }
        }
    }
}
