import Testing
import PropertyBased
@testable import QadamGeo
import QadamContract

// MARK: - Slow reference

/// The obviously-correct answer: look at every item.
private struct LinearScanIndex {
    let boxes: [BoundingBox]

    private func hasLocation(_ b: BoundingBox) -> Bool {
        !b.isEmpty && ![b.minX, b.minY, b.maxX, b.maxY].contains { $0.isNaN }
    }

    func search(_ query: BoundingBox) -> Set<Int> {
        Set(boxes.indices.filter { hasLocation(boxes[$0]) && boxes[$0].intersects(query) })
    }

    /// Distances of the `k` nearest items, ascending.
    func nearestDistances(to p: Coordinate, k: Int, maxDistance: Double? = nil,
                          filter: ((Int) -> Bool)? = nil,
                          itemDistance: ((Int) -> Double)? = nil) -> [Double] {
        let distances = boxes.indices
            .filter { hasLocation(boxes[$0]) && (filter?($0) ?? true) }
            .map { itemDistance?($0) ?? boxes[$0].squaredDistance(to: p).squareRoot() }
            .filter { $0 <= (maxDistance ?? .infinity) }
            .sorted()
        return Array(distances.prefix(max(k, 0)))
    }
}

// MARK: - Random scenarios

private enum Layout: CaseIterable, Sendable {
    case uniform, clustered, points, integerGrid, overlapping
}

private func randomBoxes<R: RandomNumberGenerator>(_ layout: Layout, count: Int, using rng: inout R) -> [BoundingBox] {
    let clusterCentres = (0..<5).map { _ in
        Coordinate(lon: .random(in: -1000...1000, using: &rng), lat: .random(in: -1000...1000, using: &rng))
    }
    return (0..<count).map { _ in
        if Int.random(in: 0..<100, using: &rng) == 0 { return .empty }
        let (x, y, w, h): (Double, Double, Double, Double)
        switch layout {
        case .uniform:
            (x, y) = (.random(in: -1000...1000, using: &rng), .random(in: -1000...1000, using: &rng))
            (w, h) = (.random(in: 0...50, using: &rng), .random(in: 0...50, using: &rng))
        case .clustered:
            let c = clusterCentres.randomElement(using: &rng)!
            (x, y) = (c.lon + .random(in: -20...20, using: &rng), c.lat + .random(in: -20...20, using: &rng))
            (w, h) = (.random(in: 0...5, using: &rng), .random(in: 0...5, using: &rng))
        case .points:
            (x, y) = (.random(in: -1000...1000, using: &rng), .random(in: -1000...1000, using: &rng))
            (w, h) = (0, 0)
        case .integerGrid:
            (x, y) = (Double(Int.random(in: -10...10, using: &rng)), Double(Int.random(in: -10...10, using: &rng)))
            (w, h) = (Double(Int.random(in: 0...2, using: &rng)), Double(Int.random(in: 0...2, using: &rng)))
        case .overlapping:
            (x, y) = (.random(in: -1000...1000, using: &rng), .random(in: -1000...1000, using: &rng))
            (w, h) = (.random(in: 0...1500, using: &rng), .random(in: 0...1500, using: &rng))
        }
        return BoundingBox(minX: x, minY: y, maxX: x + w, maxY: y + h)
    }
}

private func randomQueryBox<R: RandomNumberGenerator>(_ layout: Layout, using rng: inout R) -> BoundingBox {
    if layout == .integerGrid {
        let x = Double(Int.random(in: -12...12, using: &rng)), y = Double(Int.random(in: -12...12, using: &rng))
        return BoundingBox(minX: x, minY: y, maxX: x + Double(Int.random(in: 0...3, using: &rng)),
                           maxY: y + Double(Int.random(in: 0...3, using: &rng)))
    }
    let x = Double.random(in: -1200...1200, using: &rng), y = Double.random(in: -1200...1200, using: &rng)
    return BoundingBox(minX: x, minY: y, maxX: x + .random(in: 0...300, using: &rng),
                       maxY: y + .random(in: 0...300, using: &rng))
}

private func randomPoint<R: RandomNumberGenerator>(_ layout: Layout, using rng: inout R) -> Coordinate {
    layout == .integerGrid
        ? Coordinate(lon: Double(Int.random(in: -12...12, using: &rng)), lat: Double(Int.random(in: -12...12, using: &rng)))
        : Coordinate(lon: .random(in: -1200...1200, using: &rng), lat: .random(in: -1200...1200, using: &rng))
}

private func seeded(_ seed: Int) -> Xoshiro {
    Xoshiro(seed: (UInt64(bitPattern: Int64(seed)), 0x9E37_79B9_7F4A_7C15, 0xD1B5_4A32_D192_ED03, 1))
}

/// Item sizes straddling the node size and its powers, where packing boundaries fall.
private let boundaryCounts = [0, 1, 2, 15, 16, 17, 31, 255, 256, 257, 4097]

/// A segment (a road piece, say) whose exact distance is the point-to-segment distance.
private struct Segment {
    var a: Coordinate, b: Coordinate

    var box: BoundingBox {
        BoundingBox(minX: min(a.lon, b.lon), minY: min(a.lat, b.lat), maxX: max(a.lon, b.lon), maxY: max(a.lat, b.lat))
    }

    func distance(to p: Coordinate) -> Double {
        let (vx, vy) = (b.lon - a.lon, b.lat - a.lat)
        let lengthSquared = vx * vx + vy * vy
        let t = lengthSquared == 0 ? 0 : max(0, min(1, ((p.lon - a.lon) * vx + (p.lat - a.lat) * vy) / lengthSquared))
        let (dx, dy) = (p.lon - (a.lon + t * vx), p.lat - (a.lat + t * vy))
        return (dx * dx + dy * dy).squareRoot()
    }
}

/// Checks one `nearest` answer against the reference: same distance list, distinct ids, and each
/// id really at its reported distance.
private func expectNearestMatches(_ got: [PackedRTree.Neighbor], _ expected: [Double],
                                  distanceOf: (Int) -> Double,
                                  sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(got.map(\.distance) == expected, sourceLocation: sourceLocation)
    #expect(Set(got.map(\.id)).count == got.count, "duplicate ids", sourceLocation: sourceLocation)
    for n in got {
        #expect(distanceOf(n.id) == n.distance, "item \(n.id)", sourceLocation: sourceLocation)
    }
}

// MARK: - Property tests against the reference

@Suite struct PackedRTreeTests {

    @Test func searchEqualsLinearScan() async {
        await propertyCheck(count: 60, input: Gen.int(in: 0...Int.max), Gen.int(in: 0...600),
                            Gen<Layout>.case) { seed, count, layout in
            var rng = seeded(seed)
            let boxes = randomBoxes(layout, count: count, using: &rng)
            let tree = PackedRTree(boxes: boxes)
            let reference = LinearScanIndex(boxes: boxes)
            for _ in 0..<20 {
                let query = randomQueryBox(layout, using: &rng)
                let ids = tree.search(query)
                #expect(ids.count == Set(ids).count, "duplicate ids")
                #expect(Set(ids) == reference.search(query), "layout \(layout), query \(query)")
            }
        }
    }

    @Test(arguments: boundaryCounts)
    func everyItemFindsItselfAndPointQueriesMatch(count: Int) {
        var rng = seeded(count)
        for layout in Layout.allCases {
            let boxes = randomBoxes(layout, count: count, using: &rng)
            let tree = PackedRTree(boxes: boxes)
            let reference = LinearScanIndex(boxes: boxes)
            for (id, box) in boxes.enumerated() where !box.isEmpty {
                #expect(tree.search(box).contains(id), "\(layout): item \(id) not found by its own box")
            }
            for _ in 0..<20 {
                let p = randomPoint(layout, using: &rng)
                #expect(Set(tree.containing(point: p)) == reference.search(BoundingBox(point: p)))
            }
        }
    }

    @Test func nearestBoxDistancesEqualLinearScan() async {
        await propertyCheck(count: 60, input: Gen.int(in: 0...Int.max), Gen.int(in: 0...600),
                            Gen<Layout>.case) { seed, count, layout in
            var rng = seeded(seed)
            let boxes = randomBoxes(layout, count: count, using: &rng)
            let tree = PackedRTree(boxes: boxes)
            let reference = LinearScanIndex(boxes: boxes)
            for _ in 0..<10 {
                let p = randomPoint(layout, using: &rng)
                let k = Int.random(in: 0...40, using: &rng)
                expectNearestMatches(tree.nearest(to: p, k: k), reference.nearestDistances(to: p, k: k),
                                     distanceOf: { boxes[$0].squaredDistance(to: p).squareRoot() })
            }
        }
    }

    @Test(arguments: boundaryCounts)
    func nearestWithSegmentDistanceEqualsLinearScan(count: Int) {
        var rng = seeded(1000 + count)
        let segments = (0..<count).map { _ in
            let a = Coordinate(lon: .random(in: -1000...1000, using: &rng), lat: .random(in: -1000...1000, using: &rng))
            return Segment(a: a, b: Coordinate(lon: a.lon + .random(in: -80...80, using: &rng),
                                               lat: a.lat + .random(in: -80...80, using: &rng)))
        }
        let boxes = segments.map(\.box)
        let tree = PackedRTree(boxes: boxes)
        let reference = LinearScanIndex(boxes: boxes)
        for _ in 0..<30 {
            let p = randomPoint(.uniform, using: &rng)
            let k = Int.random(in: 1...20, using: &rng)
            var measured: [Int] = []
            let got = tree.nearest(to: p, k: k, itemDistance: { id in
                measured.append(id)
                return segments[id].distance(to: p)
            })
            expectNearestMatches(got, reference.nearestDistances(to: p, k: k, itemDistance: { segments[$0].distance(to: p) }),
                                 distanceOf: { segments[$0].distance(to: p) })
            #expect(Set(measured).count == measured.count, "an item was measured twice")
            if count > 200 {
                #expect(measured.count < count / 2, "best-first search should not measure most items")
            }
        }
    }

    @Test func maxDistanceAndFilterEqualLinearScan() async {
        await propertyCheck(count: 60, input: Gen.int(in: 0...Int.max), Gen.int(in: 0...600),
                            Gen<Layout>.case) { seed, count, layout in
            var rng = seeded(seed)
            let boxes = randomBoxes(layout, count: count, using: &rng)
            let tree = PackedRTree(boxes: boxes)
            let reference = LinearScanIndex(boxes: boxes)
            let modulus = Int.random(in: 1...4, using: &rng)
            let keep: (Int) -> Bool = { $0 % modulus == 0 }
            for _ in 0..<10 {
                let p = randomPoint(layout, using: &rng)
                let k = Int.random(in: 1...50, using: &rng)
                let limit = layout == .integerGrid ? Double(Int.random(in: 0...5, using: &rng))
                                                   : .random(in: 0...400, using: &rng)
                let got = tree.nearest(to: p, k: k, maxDistance: limit, filter: keep)
                expectNearestMatches(got, reference.nearestDistances(to: p, k: k, maxDistance: limit, filter: keep),
                                     distanceOf: { boxes[$0].squaredDistance(to: p).squareRoot() })
                #expect(got.allSatisfy { keep($0.id) && $0.distance <= limit })
            }
        }
    }

    @Test func kLargerThanCountReturnsEveryLocatedItemInOrder() {
        var rng = seeded(7)
        let boxes = randomBoxes(.uniform, count: 300, using: &rng)
        let tree = PackedRTree(boxes: boxes)
        let p = Coordinate(lon: 3, lat: -4)
        let all = tree.nearest(to: p, k: .max)
        #expect(all.count == boxes.filter { !$0.isEmpty }.count)
        #expect(all.map(\.distance) == LinearScanIndex(boxes: boxes).nearestDistances(to: p, k: .max))
    }

    // MARK: - Degenerate cases

    @Test func emptyIndexAnswersNothing() {
        let tree = PackedRTree(boxes: [])
        #expect(tree.isEmpty && tree.count == 0 && tree.bounds.isEmpty)
        let everything = BoundingBox(minX: -.infinity, minY: -.infinity, maxX: .infinity, maxY: .infinity)
        #expect(tree.search(everything).isEmpty)
        #expect(tree.containing(point: Coordinate(lon: 0, lat: 0)).isEmpty)
        #expect(tree.nearest(to: Coordinate(lon: 0, lat: 0), k: 5).isEmpty)
    }

    @Test func singleItem() {
        let box = BoundingBox(minX: 10, minY: 20, maxX: 12, maxY: 21)
        let tree = PackedRTree(boxes: [box])
        #expect(tree.count == 1 && tree.bounds == box)
        #expect(tree.search(BoundingBox(minX: 0, minY: 0, maxX: 10, maxY: 20)) == [0], "touching corner counts")
        #expect(tree.search(BoundingBox(minX: 0, minY: 0, maxX: 9.99, maxY: 30)).isEmpty)
        #expect(tree.containing(point: Coordinate(lon: 12, lat: 20.5)) == [0], "boundary point counts")
        #expect(tree.nearest(to: Coordinate(lon: 15, lat: 25), k: 3) == [.init(id: 0, distance: 5)])
        #expect(tree.nearest(to: Coordinate(lon: 15, lat: 25), k: 3, maxDistance: 4.99).isEmpty)
        #expect(tree.nearest(to: Coordinate(lon: 15, lat: 25), k: 0).isEmpty)
        #expect(tree.nearest(to: Coordinate(lon: 11, lat: 20), k: 1, itemDistance: { _ in 2.5 })
                == [.init(id: 0, distance: 2.5)])
    }

    @Test func identicalBoxesAreAllFoundAndTie() {
        let box = BoundingBox(minX: 1, minY: 1, maxX: 2, maxY: 2)
        let tree = PackedRTree(boxes: Array(repeating: box, count: 1000))
        #expect(Set(tree.search(BoundingBox(minX: 1.5, minY: 1.5, maxX: 1.5, maxY: 1.5))) == Set(0..<1000))
        let near = tree.nearest(to: Coordinate(lon: 5, lat: 6), k: 40)
        #expect(near.count == 40 && Set(near.map(\.id)).count == 40)
        #expect(near.allSatisfy { $0.distance == 5 })
    }

    @Test func boxesWithoutLocationKeepTheirIdsButAreNeverFound() {
        let real = BoundingBox(minX: 0, minY: 0, maxX: 1, maxY: 1)
        let boxes = [.empty, real, BoundingBox(minX: .nan, minY: 0, maxX: 1, maxY: 1), .empty, real]
        let tree = PackedRTree(boxes: boxes)
        let everything = BoundingBox(minX: -.infinity, minY: -.infinity, maxX: .infinity, maxY: .infinity)
        #expect(tree.count == 5 && tree.bounds == real)
        #expect(Set(tree.search(everything)) == [1, 4])
        #expect(Set(tree.nearest(to: Coordinate(lon: 50, lat: 50), k: 10).map(\.id)) == [1, 4])
        #expect(PackedRTree(boxes: [.empty, .empty]).nearest(to: Coordinate(lon: 0, lat: 0), k: 1).isEmpty)
    }

    @Test func nanQueriesFindNothing() {
        let tree = PackedRTree(boxes: [BoundingBox(minX: 0, minY: 0, maxX: 1, maxY: 1)])
        #expect(tree.search(BoundingBox(minX: .nan, minY: 0, maxX: 1, maxY: 1)).isEmpty)
        #expect(tree.nearest(to: Coordinate(lon: .nan, lat: 0), k: 1).isEmpty)
    }

    @Test func largeCoordinatesMatchLinearScan() {
        // Metre-scale values far from the origin, with squares still finite.
        var rng = seeded(99)
        let boxes = (0..<2000).map { _ in
            let x = Double.random(in: -1e150...1e150, using: &rng), y = Double.random(in: -1e150...1e150, using: &rng)
            return BoundingBox(minX: x, minY: y, maxX: x + .random(in: 0...1e147, using: &rng), maxY: y + 1e146)
        }
        let tree = PackedRTree(boxes: boxes)
        let reference = LinearScanIndex(boxes: boxes)
        for _ in 0..<30 {
            let x = Double.random(in: -1e150...1e150, using: &rng), y = Double.random(in: -1e150...1e150, using: &rng)
            let query = BoundingBox(minX: x, minY: y, maxX: x + 1e149, maxY: y + 1e149)
            #expect(Set(tree.search(query)) == reference.search(query))
            let p = query.center
            expectNearestMatches(tree.nearest(to: p, k: 15), reference.nearestDistances(to: p, k: 15),
                                 distanceOf: { boxes[$0].squaredDistance(to: p).squareRoot() })
        }
    }

    @Test func extremeCoordinatesNeitherOverflowTheBuildNorTheOrdering() {
        let m = Double.greatestFiniteMagnitude
        let boxes = [BoundingBox(minX: -m, minY: 0, maxX: -m, maxY: 0),
                     BoundingBox(minX: 0, minY: 0, maxX: 0, maxY: 0),
                     BoundingBox(minX: m, minY: -m, maxX: m, maxY: m)]
        let tree = PackedRTree(boxes: boxes)
        #expect(Set(tree.search(BoundingBox(minX: -m, minY: -m, maxX: m, maxY: m))) == [0, 1, 2])
        #expect(tree.containing(point: Coordinate(lon: m, lat: 1e300)) == [2])
        let near = tree.nearest(to: Coordinate(lon: m, lat: 0), k: 3)
        #expect(near.map(\.id) == [2, 1, 0])
        #expect(near.map(\.distance) == [0, m, .infinity], "distances overflow only when truly beyond Double")
        #expect(tree.nearest(to: Coordinate(lon: 0, lat: 3e200), k: 1) == [.init(id: 1, distance: 3e200)],
                "squares overflow but the distance is representable")
    }

    // MARK: - Hilbert ordering

    @Test func hilbertCurveFillsEachCornerSquareInUnitSteps() {
        // The first 4^k positions of the curve cover the 2^k × 2^k corner square, and
        // consecutive positions are neighbouring cells: the locality the packing relies on.
        let k = 6, side = 1 << k
        var cellAt = [Int: (Int, Int)]()
        for x in 0..<side {
            for y in 0..<side {
                cellAt[Int(HilbertCurve.index(x: UInt32(x), y: UInt32(y)))] = (x, y)
            }
        }
        #expect(Set(cellAt.keys) == Set(0..<(side * side)))
        for d in 1..<(side * side) {
            let (a, b) = (cellAt[d - 1]!, cellAt[d]!)
            #expect(abs(a.0 - b.0) + abs(a.1 - b.1) == 1, "step \(d)")
        }
        #expect(HilbertCurve.index(x: 0, y: 0) == 0)
        #expect(HilbertCurve.index(x: HilbertCurve.side - 1, y: 0) == UInt32.max, "the curve ends at the far corner")
    }
}
