import ArgumentParser
import QadamGeo
import QadamProtocol

/// A `LON,LAT` command-line value in WGS 84 degrees (`--at`, `--from`, `--to`).
enum PointArgument {
    /// The point, or a usage error naming the flag.
    static func parse(_ text: String, flag: String) throws -> Coordinate {
        let parts = text.split(separator: ",").map { Double($0.trimmingCharacters(in: .whitespaces)) }
        guard parts.count == 2, let lon = parts[0], let lat = parts[1] else {
            throw ValidationError("\(flag) must be LON,LAT (two numbers), got '\(text)'")
        }
        let c = Coordinate(lon: lon, lat: lat)
        guard c.isValidWGS84 else { throw ValidationError("\(flag) \(text) is outside lon -180..180, lat -90..90") }
        return c
    }

    /// The point as a request parameter, `[lon, lat]`.
    static func json(_ c: Coordinate) -> JSONValue { [.double(c.lon), .double(c.lat)] }
}
