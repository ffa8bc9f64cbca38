/// Douglas-Peucker line simplification in screen units.
///
/// Simplifying after projection makes the tolerance mean "what the eye cannot see at this map
/// size", so a national map of 224 rayons stays small while a city map keeps its detail.
/// Iterative (explicit stack) so a ring with a million vertices cannot overflow the call stack.
enum PathSimplifier {
    /// Indices of the points kept, always including the first and last, in increasing order.
    /// Every dropped point lies within `tolerance` of the kept segment that spans it.
    static func keptIndices(_ points: [ScreenPoint], tolerance: Double) -> [Int] {
        guard points.count > 2 else { return Array(points.indices) }
        var keep = [Bool](repeating: false, count: points.count)
        keep[0] = true
        keep[points.count - 1] = true
        var stack = [(0, points.count - 1)]
        while let (first, last) = stack.popLast() {
            guard last - first > 1 else { continue }
            var farthest = first
            var farthestDistance = -1.0
            for i in (first + 1)..<last {
                let d = segmentDistance(points[i], points[first], points[last])
                if d > farthestDistance { farthestDistance = d; farthest = i }
            }
            if farthestDistance > tolerance {
                keep[farthest] = true
                stack.append((farthest, last))
                stack.append((first, farthest))
            }
        }
        return keep.indices.filter { keep[$0] }
    }

    static func simplify(_ points: [ScreenPoint], tolerance: Double) -> [ScreenPoint] {
        keptIndices(points, tolerance: tolerance).map { points[$0] }
    }

    /// Distance from `p` to the segment `a`-`b` (to the point `a` when the segment is degenerate,
    /// as it is for a closed ring's first and last vertex).
    static func segmentDistance(_ p: ScreenPoint, _ a: ScreenPoint, _ b: ScreenPoint) -> Double {
        let dx = b.x - a.x, dy = b.y - a.y
        let lengthSquared = dx * dx + dy * dy
        guard lengthSquared > 0 else { return ((p.x - a.x) * (p.x - a.x) + (p.y - a.y) * (p.y - a.y)).squareRoot() }
        let t = max(0, min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / lengthSquared))
        let cx = a.x + t * dx - p.x, cy = a.y + t * dy - p.y
        return (cx * cx + cy * cy).squareRoot()
    }
}
