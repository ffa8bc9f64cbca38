/// Position along a Hilbert curve filling a 2^16 × 2^16 grid.
///
/// `PackedRTree` sorts its items by this value so that items close on the curve (and hence,
/// because the curve never jumps, close in the plane) land in the same leaf node. That keeps
/// node boxes small, which is what makes a packed tree fast to search.
enum HilbertCurve {
    /// Cells per side of the grid; coordinates are `0..<side`.
    static let side: UInt32 = 1 << 16

    /// The distance along the curve of grid cell (`x`, `y`), in `0..<side*side`.
    ///
    /// Classic quadrant-by-quadrant walk: at each scale take the quadrant's rank on the curve,
    /// then rotate/reflect the coordinates so the sub-square is traversed in standard orientation.
    static func index(x: UInt32, y: UInt32) -> UInt32 {
        precondition(x < side && y < side, "Hilbert grid cell (\(x), \(y)) outside 0..<\(side)")
        var x = x, y = y
        var d: UInt32 = 0
        var s = side / 2
        while s > 0 {
            let rx: UInt32 = (x & s) > 0 ? 1 : 0
            let ry: UInt32 = (y & s) > 0 ? 1 : 0
            d += s * s * ((3 * rx) ^ ry)
            if ry == 0 {
                if rx == 1 {
                    x = s &- 1 &- x
                    y = s &- 1 &- y
                }
                swap(&x, &y)
            }
            s /= 2
        }
        return d
    }
}
