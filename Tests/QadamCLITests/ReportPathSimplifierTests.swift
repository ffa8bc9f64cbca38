import QadamGeo
import Testing
@testable import QadamCLI

/// The textbook recursive Douglas-Peucker, as the reference for the iterative one.
private func referenceDouglasPeucker(_ points: [ScreenPoint], _ first: Int, _ last: Int, _ tolerance: Double) -> [Int] {
    guard last - first > 1 else { return [first, last] }
    var best = first, bestDistance = -1.0
    for i in (first + 1)..<last {
        let d = PathSimplifier.segmentDistance(points[i], points[first], points[last])
        if d > bestDistance { bestDistance = d; best = i }
    }
    guard bestDistance > tolerance else { return [first, last] }
    return referenceDouglasPeucker(points, first, best, tolerance) + referenceDouglasPeucker(points, best, last, tolerance).dropFirst()
}

/// Brute-force distance from a point to a segment: the closest of many samples along it.
private func sampledDistance(_ p: ScreenPoint, _ a: ScreenPoint, _ b: ScreenPoint) -> Double {
    (0...2000).map { k -> Double in
        let t = Double(k) / 2000
        let x = a.x + t * (b.x - a.x) - p.x, y = a.y + t * (b.y - a.y) - p.y
        return (x * x + y * y).squareRoot()
    }.min()!
}

@Suite struct ReportPathSimplifierTests {
    private func randomWalk(_ rng: inout SplitMix64, count: Int, closed: Bool) -> [ScreenPoint] {
        var p = ScreenPoint(x: 500, y: 500)
        var out = [p]
        for _ in 1..<count {
            p.x += Double.random(in: -5...5, using: &rng)
            p.y += Double.random(in: -5...5, using: &rng)
            out.append(p)
        }
        if closed { out.append(out[0]) }
        return out
    }

    @Test func matchesTheRecursiveReference() {
        var rng = SplitMix64(seed: 42)
        for round in 0..<300 {
            let points = randomWalk(&rng, count: Int.random(in: 2...200, using: &rng), closed: round % 2 == 0)
            let tolerance = Double.random(in: 0...8, using: &rng)
            #expect(PathSimplifier.keptIndices(points, tolerance: tolerance)
                    == referenceDouglasPeucker(points, 0, points.count - 1, tolerance))
        }
    }

    @Test func everyDroppedPointStaysWithinTolerance() {
        var rng = SplitMix64(seed: 7)
        for _ in 0..<100 {
            let points = randomWalk(&rng, count: Int.random(in: 3...150, using: &rng), closed: Bool.random(using: &rng))
            let tolerance = Double.random(in: 0.1...6, using: &rng)
            let kept = PathSimplifier.keptIndices(points, tolerance: tolerance)
            #expect(kept.first == 0 && kept.last == points.count - 1)
            #expect(zip(kept, kept.dropFirst()).allSatisfy { $0 < $1 })
            for (a, b) in zip(kept, kept.dropFirst()) {
                for i in (a + 1)..<b {
                    #expect(sampledDistance(points[i], points[a], points[b]) <= tolerance + 1e-2)
                }
            }
        }
    }

    @Test func straightLineCollapsesToItsEnds() {
        let line = (0...100).map { ScreenPoint(x: Double($0), y: 2 * Double($0)) }
        #expect(PathSimplifier.keptIndices(line, tolerance: 0.01) == [0, 100])
        #expect(PathSimplifier.keptIndices(Array(line.prefix(2)), tolerance: 5) == [0, 1])
        #expect(PathSimplifier.keptIndices([], tolerance: 5) == [])
    }
}
