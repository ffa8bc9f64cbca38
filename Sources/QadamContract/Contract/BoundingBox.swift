/// An axis-aligned box in whatever plane its coordinates live in (degrees for WGS 84,
/// metres for a projected CRS). Empty boxes have `minX > maxX`.
///
/// Declared in the wire contract because `info` reports each layer's extent as one; its
/// geometry (union, intersection, distance) is QadamGeo's. On the wire its members keep their
/// camelCase names (`minX`, ...), as they always have.
public struct BoundingBox: Hashable, Sendable, Codable {
    public var minX: Double
    public var minY: Double
    public var maxX: Double
    public var maxY: Double

    public init(minX: Double, minY: Double, maxX: Double, maxY: Double) {
        self.minX = minX; self.minY = minY; self.maxX = maxX; self.maxY = maxY
    }
}
