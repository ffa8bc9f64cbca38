import HeapModule
import QadamGeo
import QadamContract

/// A uniform grid over the edge segments (pairs of consecutive shape points), in a local
/// equirectangular plane, for nearest-segment queries.
///
/// Street segments are short and fairly evenly spread inside a city, so a flat grid in CSR
/// form (cell offsets + segment ids) answers nearest queries by scanning rings of cells
/// around the point, with no tree to balance. A segment id is the index of its first shape
/// point.
struct SegmentGridIndex: Sendable {
    let plane: LocalPlane
    let originX: Double, originY: Double
    let cellSize: Double
    let columns: Int, rows: Int
    let cellStart: [Int32]
    let cellSegments: [Int32]
    /// Edge of each shape point (the edge whose shape contains it, as a segment start).
    let segmentEdge: [Int32]
    /// The blocks of `blockSide` x `blockSide` cells that hold any segment, for points far
    /// outside the grid (`farNearest`).
    let occupiedBlocks: [Int32]
    let blockColumns: Int
    static let blockSide = 16

    init(graph g: StreetGraph) {
        var box = BoundingBox.empty
        for i in 0..<g.shapeLon.count { box.expand(toInclude: Coordinate(lon: g.shapeLon[i], lat: g.shapeLat[i])) }
        if box.isEmpty { box = BoundingBox(minX: 0, minY: 0, maxX: 0, maxY: 0) }
        plane = LocalPlane(referenceLatitude: box.center.lat)
        originX = plane.x(box.minX); originY = plane.y(box.minY)
        let width = max(1, plane.x(box.maxX) - originX), height = max(1, plane.y(box.maxY) - originY)
        let segmentCount = max(1, g.shapeLon.count - g.edgeCount)
        // About two segments per cell, cells no smaller than 25 m, at most ~4M cells.
        let size = max(25, (width * height / Double(segmentCount) * 2).squareRoot(), (width * height / 4e6).squareRoot())
        cellSize = size
        columns = Int(width / size) + 1
        rows = Int(height / size) + 1

        var edgeOfPoint = [Int32](repeating: -1, count: g.shapeLon.count)
        for e in 0..<g.edgeCount {
            for i in Int(g.shapeStart[e])..<(Int(g.shapeStart[e + 1]) - 1) { edgeOfPoint[i] = Int32(e) }
        }
        segmentEdge = edgeOfPoint

        // Two passes over the segments: count per cell, then fill.
        var counts = [Int32](repeating: 0, count: columns * rows + 1)
        let plane = plane, originX = originX, originY = originY, columns = columns, rows = rows
        func forEachCell(ofSegment i: Int, _ body: (Int) -> Void) {
            let x0 = plane.x(g.shapeLon[i]) - originX, x1 = plane.x(g.shapeLon[i + 1]) - originX
            let y0 = plane.y(g.shapeLat[i]) - originY, y1 = plane.y(g.shapeLat[i + 1]) - originY
            let c0 = max(0, min(columns - 1, Int(min(x0, x1) / size))), c1 = max(0, min(columns - 1, Int(max(x0, x1) / size)))
            let r0 = max(0, min(rows - 1, Int(min(y0, y1) / size))), r1 = max(0, min(rows - 1, Int(max(y0, y1) / size)))
            for r in r0...r1 { for c in c0...c1 { body(r * columns + c) } }
        }
        for i in 0..<edgeOfPoint.count where edgeOfPoint[i] >= 0 { forEachCell(ofSegment: i) { counts[$0 + 1] += 1 } }
        for c in 0..<(columns * rows) { counts[c + 1] += counts[c] }
        var next = counts
        var items = [Int32](repeating: 0, count: Int(counts[columns * rows]))
        for i in 0..<edgeOfPoint.count where edgeOfPoint[i] >= 0 {
            forEachCell(ofSegment: i) { items[Int(next[$0])] = Int32(i); next[$0] += 1 }
        }
        cellStart = counts
        cellSegments = items
        blockColumns = (columns + Self.blockSide - 1) / Self.blockSide
        let blockRows = (rows + Self.blockSide - 1) / Self.blockSide
        var occupied = [Bool](repeating: false, count: blockColumns * blockRows)
        for cell in 0..<(columns * rows) where counts[cell + 1] > counts[cell] {
            occupied[(cell / columns) / Self.blockSide * blockColumns + (cell % columns) / Self.blockSide] = true
        }
        occupiedBlocks = occupied.indices.filter { occupied[$0] }.map(Int32.init)
    }

    struct Hit {
        var segment: Int
        var edge: Int
        /// Position on the segment, 0 at its first point.
        var t: Double
        var planarDistance: Double
    }

    /// The nearest segment whose edge passes `accept`, searching rings of cells outwards
    /// until no closer segment can exist; nil when no segment is accepted at all.
    func nearest(to c: Coordinate, graph g: StreetGraph, accept: (Int) -> Bool) -> Hit? {
        let px = plane.x(c.lon) - originX, py = plane.y(c.lat) - originY
        let cx = Int((px / cellSize).rounded(.down)), cy = Int((py / cellSize).rounded(.down))
        var best: Hit?
        func scan(_ cell: Int) {
            for k in Int(cellStart[cell])..<Int(cellStart[cell + 1]) {
                let i = Int(cellSegments[k])
                let edge = Int(segmentEdge[i])
                guard accept(edge) else { continue }
                let (t, d) = project(px, py, segment: i, graph: g)
                if best == nil || d < best!.planarDistance || (d == best!.planarDistance && i < best!.segment) {
                    best = Hit(segment: i, edge: edge, t: t, planarDistance: d)
                }
            }
        }
        // Start at the first ring that touches the grid; stop after the last one that does.
        let gapX = max(0, -cx, cx - (columns - 1)), gapY = max(0, -cy, cy - (rows - 1))
        if max(gapX, gapY) > Self.blockSide {
            // Far outside, the rings up to the nearest segment would cross most of the grid
            // (a settlement 300 km from a city's network scanned all its cells).
            farNearest(px, py, scan: scan, best: { best?.planarDistance })
            return best
        }
        let maxRing = max(abs(cx), abs(cx - columns + 1), abs(cy), abs(cy - rows + 1))
        var ring = max(gapX, gapY)
        while ring <= maxRing {
            for r in max(0, cy - ring)...min(rows - 1, cy + ring) {
                if r == cy - ring || r == cy + ring {
                    let low = max(0, cx - ring), high = min(columns - 1, cx + ring)
                    if low <= high { for col in low...high { scan(r * columns + col) } }
                } else {
                    if cx - ring >= 0 && cx - ring < columns { scan(r * columns + cx - ring) }
                    if ring > 0 && cx + ring >= 0 && cx + ring < columns { scan(r * columns + cx + ring) }
                }
            }
            // Any segment in a further ring is at least `ring * cellSize` away.
            if let best, best.planarDistance <= Double(ring) * cellSize { break }
            ring += 1
        }
        return best
    }

    /// Visits the occupied cells nearest first, block by block, until the next block or cell is
    /// farther than the best segment so far (`best`). A segment is listed in every cell its box
    /// overlaps, and its nearest point lies in one of them, so no closer segment is passed over.
    private func farNearest(_ px: Double, _ py: Double, scan: (Int) -> Void, best: () -> Double?) {
        let blockMetres = Double(Self.blockSide) * cellSize
        let point = Coordinate(lon: px, lat: py) // in the grid's plane, not degrees
        /// Distance from the point to the rectangle [x0, x1] x [y0, y1] of the plane.
        func distance(_ x0: Double, _ y0: Double, _ x1: Double, _ y1: Double) -> Double {
            BoundingBox(minX: x0, minY: y0, maxX: x1, maxY: y1).squaredDistance(to: point).squareRoot()
        }
        var blocks = Heap<BlockDistance>(occupiedBlocks.map { block in
            let bx = Double(Int(block) % blockColumns) * blockMetres, by = Double(Int(block) / blockColumns) * blockMetres
            return BlockDistance(distance: distance(bx, by, bx + blockMetres, by + blockMetres), block: Int(block))
        })
        while let next = blocks.popMin() {
            if let bound = best(), next.distance > bound { return }
            let firstColumn = (next.block % blockColumns) * Self.blockSide, firstRow = (next.block / blockColumns) * Self.blockSide
            for row in firstRow..<min(rows, firstRow + Self.blockSide) {
                for column in firstColumn..<min(columns, firstColumn + Self.blockSide) {
                    let cell = row * columns + column
                    guard cellStart[cell + 1] > cellStart[cell] else { continue }
                    let x = Double(column) * cellSize, y = Double(row) * cellSize
                    if let bound = best(), distance(x, y, x + cellSize, y + cellSize) > bound { continue }
                    scan(cell)
                }
            }
        }
    }

    private struct BlockDistance: Comparable {
        var distance: Double
        var block: Int
        static func < (a: Self, b: Self) -> Bool { a.distance < b.distance }
    }

    /// Projection of a plane point onto segment i: (position 0...1, distance in metres).
    func project(_ px: Double, _ py: Double, segment i: Int, graph g: StreetGraph) -> (Double, Double) {
        let ax = plane.x(g.shapeLon[i]) - originX, ay = plane.y(g.shapeLat[i]) - originY
        let bx = plane.x(g.shapeLon[i + 1]) - originX, by = plane.y(g.shapeLat[i + 1]) - originY
        let dx = bx - ax, dy = by - ay
        let len2 = dx * dx + dy * dy
        let t = len2 > 0 ? min(1, max(0, ((px - ax) * dx + (py - ay) * dy) / len2)) : 0
        let qx = ax + t * dx - px, qy = ay + t * dy - py
        return (t, (qx * qx + qy * qy).squareRoot())
    }
}
