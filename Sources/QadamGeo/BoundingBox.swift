import QadamContract

/// What an axis-aligned box does; the box itself is declared in the wire contract
/// (QadamContract), where `info` reports layer extents with it.
extension BoundingBox {
    public static let empty = BoundingBox(minX: .infinity, minY: .infinity,
                                          maxX: -.infinity, maxY: -.infinity)

    public init(point: Coordinate) {
        self.init(minX: point.lon, minY: point.lat, maxX: point.lon, maxY: point.lat)
    }

    public var isEmpty: Bool { minX > maxX || minY > maxY }
    public var center: Coordinate { Coordinate(lon: (minX + maxX) / 2, lat: (minY + maxY) / 2) }

    public func union(_ o: BoundingBox) -> BoundingBox {
        BoundingBox(minX: Swift.min(minX, o.minX), minY: Swift.min(minY, o.minY),
                    maxX: Swift.max(maxX, o.maxX), maxY: Swift.max(maxY, o.maxY))
    }

    public mutating func formUnion(_ o: BoundingBox) { self = union(o) }

    public mutating func expand(toInclude c: Coordinate) {
        minX = Swift.min(minX, c.lon); minY = Swift.min(minY, c.lat)
        maxX = Swift.max(maxX, c.lon); maxY = Swift.max(maxY, c.lat)
    }

    public func intersects(_ o: BoundingBox) -> Bool {
        minX <= o.maxX && o.minX <= maxX && minY <= o.maxY && o.minY <= maxY
    }

    public func contains(_ c: Coordinate) -> Bool {
        c.lon >= minX && c.lon <= maxX && c.lat >= minY && c.lat <= maxY
    }

    /// The box grown by `d` on every side.
    public func expanded(by d: Double) -> BoundingBox {
        BoundingBox(minX: minX - d, minY: minY - d, maxX: maxX + d, maxY: maxY + d)
    }

    /// Squared planar distance from a point to the box (0 inside); used by k-nearest searches.
    public func squaredDistance(to c: Coordinate) -> Double {
        let dx = Swift.max(minX - c.lon, 0, c.lon - maxX)
        let dy = Swift.max(minY - c.lat, 0, c.lat - maxY)
        return dx * dx + dy * dy
    }
}
