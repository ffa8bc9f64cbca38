/// A WGS 84 position in GeoJSON order: longitude first, then latitude, in degrees.
///
/// Every interface of Qadam speaks in these; metric work converts to a projected CRS
/// (see `Projection`) or works geodesically (see `Geodesic`).
public struct Coordinate: Hashable, Sendable, Codable, CustomStringConvertible {
    public var lon: Double
    public var lat: Double

    public init(lon: Double, lat: Double) {
        self.lon = lon
        self.lat = lat
    }

    /// True when both values are finite and inside EPSG:4326 bounds.
    public var isValidWGS84: Bool {
        lon.isFinite && lat.isFinite && (-180...180).contains(lon) && (-90...90).contains(lat)
    }

    public var description: String { "\(lon),\(lat)" }

    /// GeoJSON position array `[lon, lat]`.
    public init(from decoder: Decoder) throws {
        var c = try decoder.unkeyedContainer()
        lon = try c.decode(Double.self)
        lat = try c.decode(Double.self)
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.unkeyedContainer()
        try c.encode(lon)
        try c.encode(lat)
    }
}
