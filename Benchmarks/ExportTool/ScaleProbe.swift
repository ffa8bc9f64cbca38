import Foundation
import QadamGeo
import QadamNetwork
import TestSupport
import QadamContract

/// How time and memory grow with city size: one row of the scale table in
/// docs/performance.md. Each size runs in its own process (see `Benchmarks/scale.sh`), so the
/// peak resident memory is that size's alone.
struct ScaleProbe {
    let city: SyntheticCity

    init(approximateVertices: Int, seed: UInt64) {
        city = SyntheticCity(approximateVertices: approximateVertices, seed: seed)
    }

    /// A Markdown table row: vertices | arcs | compile s | snap index s | snap µs |
    /// one-to-all ms | facility index s | nearest µs | cache load ms | peak RSS MB.
    func run() -> String {
        let (graph, compile) = Measure.time { city.graph() }
        let (network, snapIndex) = Measure.time { StreetNetwork(graph: graph) }
        var rng = SplitMix64(seed: city.seed &+ 7)
        let box = city.boundingBox
        let points = (0..<1000).map { _ in
            Coordinate(lon: Double.random(in: box.minX...box.maxX, using: &rng), lat: Double.random(in: box.minY...box.maxY, using: &rng))
        }
        let snap = Measure.median(runs: 5) { for p in points { _ = network.locate(p, profile: .walk) } } / Double(points.count)
        let search = NetworkSearch(network: network)
        let origin = network.locate(box.center, profile: .walk).value!
        search.run(from: origin, mode: .walk)
        let oneToAll = Measure.median(runs: 5) { search.run(from: origin, mode: .walk) }
        let facilities = Array(points.prefix(max(10, graph.vertexCount / 500)))
        let (index, indexBuild) = Measure.time { FacilityIndex(network: network, facilities: facilities, mode: .walk, k: 1) }
        let nearest = Measure.median(runs: 5) { for p in points { _ = index.nearest(to: p) } } / Double(points.count)
        let cache = FileManager.default.temporaryDirectory.appendingPathComponent("qadam-scale-\(getpid()).qnet")
        defer { try? FileManager.default.removeItem(at: cache) }
        try! StreetGraphCache.write(graph, sourceFingerprint: 1, to: cache)
        let load = Measure.median(runs: 3) { _ = try! StreetGraphCache.read(from: cache) }
        let cells: [String] = [
            "\(graph.vertexCount)", "\(graph.arcCount)", fixed(compile, 2), fixed(snapIndex, 2), fixed(snap * 1e6, 2),
            fixed(oneToAll * 1e3, 1), fixed(indexBuild, 3), fixed(nearest * 1e6, 2), fixed(load * 1e3, 1),
            fixed(Double(Measure.peakResidentBytes()) / 1_048_576, 0),
        ]
        return "| " + cells.joined(separator: " | ") + " |"
    }

    private func fixed(_ x: Double, _ digits: Int) -> String { String(format: "%.\(digits)f", x) }
}
