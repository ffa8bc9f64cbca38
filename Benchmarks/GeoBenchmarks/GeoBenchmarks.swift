import Benchmark
import QadamGeo

/// Spatial primitives on the query path: R-tree look-ups, point-in-polygon, geodesics.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(metrics: [.wallClock, .mallocCountTotal, .peakMemoryResident],
                                           maxDuration: .seconds(2))

    // 100,000 small boxes scattered over Kazakhstan's extent, deterministic.
    var rng = SplitMix64(seed: 42)
    let boxes: [BoundingBox] = (0..<100_000).map { _ in
        let lon = 46.5 + rng.unit() * 41, lat = 40.5 + rng.unit() * 15
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
}

/// A tiny deterministic generator so benchmark inputs are the same on every run.
struct SplitMix64 {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }
}
