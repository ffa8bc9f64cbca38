import QadamGeo
import QadamContract

/// A place an audit checks: an id and a WGS 84 coordinate as read from the origins file.
///
/// Bad coordinates are kept rather than rejected: one mistyped row in a file of 100,000 must
/// become one error row in the output, not a failed batch.
public struct AuditOrigin: Sendable, Equatable {
    public var id: String
    public var lon: Double
    public var lat: Double
    /// Why the coordinate could not be read at all (e.g. "lon 'abc' is not a number").
    public var readProblem: String?

    public init(id: String, lon: Double, lat: Double, readProblem: String? = nil) {
        self.id = id
        self.lon = lon
        self.lat = lat
        self.readProblem = readProblem
    }

    public var coordinate: Coordinate { Coordinate(lon: lon, lat: lat) }

    /// Why this origin cannot be audited, or nil when its coordinate is usable.
    public var problem: String? {
        if let readProblem { return readProblem }
        if !lon.isFinite || !lat.isFinite { return "coordinate is not a number (lon \(lon), lat \(lat))" }
        if !(-180...180).contains(lon) { return "lon \(lon) is outside EPSG:4326 bounds (-180..180)" }
        if !(-90...90).contains(lat) { return "lat \(lat) is outside EPSG:4326 bounds (-90..90)" }
        return nil
    }
}
