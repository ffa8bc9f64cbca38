import HeapModule
import QadamContract
/// A static, packed Hilbert R-tree over bounding boxes (the flatbush layout), answering
/// "which items' boxes meet this box" and "which items are nearest this point".
///
/// Design:
/// - **Ids, not payloads.** The tree stores only boxes and `Int32` item ids: the id of an item is
///   its position in the `boxes` array given to `init`, so callers keep geometries, names and
///   attributes in their own parallel arrays and the index stays plain data (`Sendable`, cheap to
///   share between request handlers, no generic specialisation per payload type).
/// - **Built once, never changed.** Datasets are loaded into immutable snapshots, so there is no
///   insert/delete; that lets the tree be *packed*: every node except the last of each level holds
///   exactly `nodeSize` (16) children, and the whole tree lives in two flat arrays.
/// - **Hilbert order.** Items are sorted by the Hilbert index of their box centre before packing,
///   so each leaf group holds items that are near each other and node boxes overlap little.
/// - **Flat arrays for cache efficiency.** Node boxes are `[minX, minY, maxX, maxY]` runs in one
///   `[Double]`; `nodeIndices[n]` is an item id for a leaf slot (`n < count`) or the slot of the
///   first child for an internal node. Levels are stored leaves-first, the root is the last slot.
/// - **Planar metric.** Distances are Euclidean in the boxes' own plane. Callers that need metres
///   index boxes in a projected CRS (or scale longitudes themselves) before building.
/// - **Exact distances are the caller's.** `nearest` orders by box distance, which is a lower
///   bound of the true distance to any shape inside the box; a caller-supplied `itemDistance`
///   (point-to-segment, point-to-polygon, ...) refines that bound lazily, only for items that
///   reach the front of the queue, so the answer is exact without measuring every candidate.
///   Likewise `containing(point:)` returns box candidates; the exact point-in-polygon test is done
///   by callers with prepared geometries.
/// - **Degenerate input.** Empty boxes (`minX > maxX`, e.g. `BoundingBox.empty`) and boxes with a
///   NaN coordinate keep their id but are never found by any query: they have no location.
public struct PackedRTree: Sendable {
    /// Children per node. 16 is flatbush's default: a good balance between tree depth and the
    /// number of boxes scanned per visited node.
    public static let nodeSize = 16

    /// Number of items the tree was built from (including empty ones).
    public let count: Int
    /// The union of all non-empty item boxes; `BoundingBox.empty` when there are none.
    public let bounds: BoundingBox

    /// Node boxes, four doubles per slot: leaf slots first (in Hilbert order), then each level up.
    private let nodeBoxes: [Double]
    /// Per slot: the item id for a leaf slot, the first child's slot for an internal one.
    private let nodeIndices: [Int32]
    /// `levelEnds[l]` is one past the last slot of level `l` (level 0 = leaves).
    private let levelEnds: [Int]

    /// Builds the index; item `i` is `boxes[i]`.
    public init(boxes: [BoundingBox]) {
        let n = boxes.count
        precondition(n < Int(Int32.max) / 2, "PackedRTree holds at most \(Int32.max / 2) items, got \(n)")
        count = n
        let items = boxes.map(Self.locatable)
        bounds = items.reduce(BoundingBox.empty) { $0.union($1) }

        var levelEnds = [n]
        if n > 0 {
            var levelCount = n
            repeat {
                levelCount = (levelCount + Self.nodeSize - 1) / Self.nodeSize
                levelEnds.append(levelEnds.last! + levelCount)
            } while levelCount > 1
        }
        let slotCount = levelEnds.last!

        var nodeBoxes = [Double](repeating: 0, count: slotCount * 4)
        var nodeIndices = [Int32](repeating: 0, count: slotCount)
        for (slot, id) in Self.hilbertOrder(items, within: bounds).enumerated() {
            let b = items[id]
            nodeBoxes[slot * 4] = b.minX
            nodeBoxes[slot * 4 + 1] = b.minY
            nodeBoxes[slot * 4 + 2] = b.maxX
            nodeBoxes[slot * 4 + 3] = b.maxY
            nodeIndices[slot] = Int32(id)
        }

        // Each parent covers up to `nodeSize` consecutive slots of the level below.
        var levelStart = 0
        for level in 0..<(levelEnds.count - 1) {
            var parent = levelEnds[level]
            for first in stride(from: levelStart, to: levelEnds[level], by: Self.nodeSize) {
                let last = min(first + Self.nodeSize, levelEnds[level])
                var box = BoundingBox.empty
                for child in first..<last {
                    box.formUnion(BoundingBox(minX: nodeBoxes[child * 4], minY: nodeBoxes[child * 4 + 1],
                                              maxX: nodeBoxes[child * 4 + 2], maxY: nodeBoxes[child * 4 + 3]))
                }
                nodeBoxes[parent * 4] = box.minX
                nodeBoxes[parent * 4 + 1] = box.minY
                nodeBoxes[parent * 4 + 2] = box.maxX
                nodeBoxes[parent * 4 + 3] = box.maxY
                nodeIndices[parent] = Int32(first)
                parent += 1
            }
            levelStart = levelEnds[level]
        }

        self.nodeBoxes = nodeBoxes
        self.nodeIndices = nodeIndices
        self.levelEnds = levelEnds
    }

    public var isEmpty: Bool { count == 0 }

    // MARK: - Box queries

    /// Calls `visit` with the id of every item whose box intersects `box` (touching counts).
    /// Order is unspecified.
    public func search(_ box: BoundingBox, _ visit: (Int) -> Void) {
        guard count > 0, !box.isEmpty, !box.minX.isNaN, !box.minY.isNaN,
              !box.maxX.isNaN, !box.maxY.isNaN else { return }
        var groups = [rootSlot]
        while let first = groups.popLast() {
            for slot in first..<groupEnd(first) where intersects(slot, box) {
                if slot < count {
                    visit(Int(nodeIndices[slot]))
                } else {
                    groups.append(Int(nodeIndices[slot]))
                }
            }
        }
    }

    /// Ids of every item whose box intersects `box`, in unspecified order.
    public func search(_ box: BoundingBox) -> [Int] {
        var ids: [Int] = []
        search(box) { ids.append($0) }
        return ids
    }

    /// Ids of items whose box contains `point`: candidates for an exact point-in-shape test.
    public func containing(point: Coordinate) -> [Int] {
        search(BoundingBox(point: point))
    }

    // MARK: - Nearest neighbours

    /// One answer of `nearest`: an item id and its distance from the query point.
    public struct Neighbor: Hashable, Sendable {
        public var id: Int
        public var distance: Double

        public init(id: Int, distance: Double) {
            self.id = id
            self.distance = distance
        }
    }

    /// The `k` items nearest `point`, closest first (ties in unspecified order).
    ///
    /// - Parameters:
    ///   - maxDistance: items farther than this (by their final distance) are not returned.
    ///   - filter: items for which it returns false are skipped entirely.
    ///   - itemDistance: exact distance from `point` to item `id`, in the boxes' plane. It must
    ///     never be less than the distance to the item's box (true for any shape inside its box);
    ///     it is called at most once per item, only for items that may still make the answer.
    ///     Without it, the distance is the planar distance to the item's box (0 inside).
    public func nearest(to point: Coordinate, k: Int, maxDistance: Double? = nil,
                        filter: ((Int) -> Bool)? = nil,
                        itemDistance: ((Int) -> Double)? = nil) -> [Neighbor] {
        guard count > 0, k > 0, !point.lon.isNaN, !point.lat.isNaN else { return [] }
        let limit = maxDistance ?? .infinity
        var queue = Heap<QueueEntry>()
        var found: [Neighbor] = []
        var group: Int? = rootSlot

        while true {
            if let first = group {
                for slot in first..<groupEnd(first) where !isEmptySlot(slot) {
                    if slot < count, let filter, !filter(Int(nodeIndices[slot])) { continue }
                    let d = boxDistance(slot, point)
                    if d > limit { continue }
                    queue.insert(.init(distance: d, slot: Int32(slot),
                                     kind: slot < count ? .itemBox : .node))
                }
            }
            guard let next = queue.popMin() else { break }
            group = nil
            let target = Int(nodeIndices[Int(next.slot)])
            if next.kind == .node {
                group = target
            } else if next.kind == .itemBox, let itemDistance {
                // Not final yet: requeue at the exact distance (never below the box bound, so a
                // careless measure cannot reorder answers already given).
                let d = max(itemDistance(target), next.distance)
                if d <= limit { queue.insert(.init(distance: d, slot: next.slot, kind: .item)) }
            } else {
                // Nothing left in the queue is closer, so this item is the next answer.
                found.append(Neighbor(id: target, distance: next.distance))
                if found.count == k { return found }
            }
        }
        return found
    }

    // MARK: - Internals

    private var rootSlot: Int { levelEnds.last! - 1 }

    /// One past the last slot of the sibling group starting at `first`: a group ends after
    /// `nodeSize` slots or at the end of its level, whichever comes first.
    private func groupEnd(_ first: Int) -> Int {
        let levelEnd = levelEnds.first { $0 > first }!
        return min(first + Self.nodeSize, levelEnd)
    }

    /// Empty slots (items without a location, or nodes over only such items) match nothing,
    /// not even a query box reaching to infinity.
    private func isEmptySlot(_ slot: Int) -> Bool {
        nodeBoxes[slot * 4] > nodeBoxes[slot * 4 + 2]
    }

    private func intersects(_ slot: Int, _ b: BoundingBox) -> Bool {
        let i = slot * 4
        return !isEmptySlot(slot) && nodeBoxes[i] <= b.maxX && nodeBoxes[i + 1] <= b.maxY
            && nodeBoxes[i + 2] >= b.minX && nodeBoxes[i + 3] >= b.minY
    }

    /// Planar distance from `p` to the (non-empty) box of `slot`, 0 inside.
    private func boxDistance(_ slot: Int, _ p: Coordinate) -> Double {
        let i = slot * 4
        let dx = max(nodeBoxes[i] - p.lon, 0, p.lon - nodeBoxes[i + 2])
        let dy = max(nodeBoxes[i + 1] - p.lat, 0, p.lat - nodeBoxes[i + 3])
        return planarLength(dx, dy)
    }

    /// The box as the tree stores it: `BoundingBox.empty` if it has no location.
    private static func locatable(_ b: BoundingBox) -> BoundingBox {
        b.isEmpty || b.minX.isNaN || b.minY.isNaN || b.maxX.isNaN || b.maxY.isNaN ? .empty : b
    }

    /// Item ids sorted by the Hilbert index of their box centre on a grid spanning `bounds`
    /// (ties by id, so builds are deterministic). Empty items sort first; they are never found.
    private static func hilbertOrder(_ items: [BoundingBox], within bounds: BoundingBox) -> [Int] {
        let maxCell = Double(HilbertCurve.side - 1)
        // Halving before subtracting keeps widths finite even for boxes near ±Double.greatestFiniteMagnitude.
        func cell(_ lo: Double, _ hi: Double, _ boundsLo: Double, _ boundsHi: Double) -> UInt32 {
            let width = boundsHi / 2 - boundsLo / 2
            let centre = lo / 2 + hi / 2
            let t = width > 0 ? (centre / 2 - boundsLo / 2) / width : 0
            return UInt32((min(max(t, 0), 1) * maxCell).rounded(.down))
        }
        var keys = [UInt64](repeating: 0, count: items.count)
        for (id, b) in items.enumerated() {
            let h: UInt32 = b.isEmpty ? 0 : HilbertCurve.index(
                x: cell(b.minX, b.maxX, bounds.minX, bounds.maxX),
                y: cell(b.minY, b.maxY, bounds.minY, bounds.maxY))
            keys[id] = UInt64(h) << 32 | UInt64(id)
        }
        keys.sort()
        return keys.map { Int($0 & 0xFFFF_FFFF) }
    }
}

/// `sqrt(dx² + dy²)` without overflow when the squares would exceed `Double` range
/// (only then is the slower scaled form used).
private func planarLength(_ dx: Double, _ dy: Double) -> Double {
    let squared = dx * dx + dy * dy
    if squared.isFinite { return squared.squareRoot() }
    let scale = max(dx, dy)
    guard scale.isFinite else { return .infinity }
    let (x, y) = (dx / scale, dy / scale)
    return scale * (x * x + y * y).squareRoot()
}

/// A pending `nearest` entry, ordered by distance. Exact item distances win ties against
/// boxes so that finished answers are emitted before equal-distance boxes are opened.
private struct QueueEntry: Comparable {
    enum Kind: UInt8 { case item = 0, itemBox = 1, node = 2 }
    var distance: Double
    var slot: Int32
    var kind: Kind

    static func < (a: QueueEntry, b: QueueEntry) -> Bool {
        a.distance != b.distance ? a.distance < b.distance
            : a.kind != b.kind ? a.kind.rawValue < b.kind.rawValue : a.slot < b.slot
    }
}
