import CPROJ
import QadamContract

/// Distances, lengths and areas on the WGS 84 ellipsoid, computed with Karney's algorithms
/// as shipped in PROJ (`geodesic.h`): accurate to nanometres, with no projection distortion.
public enum Geodesic {
    /// The WGS 84 ellipsoid, set up once and then only read (PROJ takes it as `const`), so
    /// every thread can share it.
    private static let wgs84: geod_geodesic = {
        var g = geod_geodesic()
        geod_init(&g, 6_378_137, 1 / 298.257223563)
        return g
    }()

    /// Shortest distance along the ellipsoid between two points, in metres.
    public static func distance(_ a: Coordinate, _ b: Coordinate) -> Double {
        inverse(a, b).distance
    }

    /// Distance in metres and the forward azimuth at `a` in degrees clockwise from north.
    public static func inverse(_ a: Coordinate, _ b: Coordinate) -> (distance: Double, azimuth: Double) {
        var s12 = 0.0, azi1 = 0.0, azi2 = 0.0
        withUnsafePointer(to: wgs84) { geod_inverse($0, a.lat, a.lon, b.lat, b.lon, &s12, &azi1, &azi2) }
        return (s12, azi1)
    }

    /// The point `distance` metres from `origin` along `azimuth` (degrees from north).
    public static func destination(from origin: Coordinate, azimuth: Double, distance: Double) -> Coordinate {
        var lat = 0.0, lon = 0.0, azi2 = 0.0
        withUnsafePointer(to: wgs84) { geod_direct($0, origin.lat, origin.lon, azimuth, distance, &lat, &lon, &azi2) }
        return Coordinate(lon: lon, lat: lat)
    }

    /// Length in metres of a polyline of WGS 84 coordinates.
    public static func length(_ coords: [Coordinate]) -> Double {
        zip(coords, coords.dropFirst()).reduce(0) { $0 + distance($1.0, $1.1) }
    }

    /// Unsigned area in square metres enclosed by a ring (closed or not).
    public static func ringArea(_ ring: [Coordinate]) -> Double {
        var lats = ring.map(\.lat), lons = ring.map(\.lon)
        var area = 0.0, perimeter = 0.0
        withUnsafePointer(to: wgs84) { geod_polygonarea($0, &lats, &lons, Int32(ring.count), &area, &perimeter) }
        return abs(area)
    }

    /// Area in square metres of a WGS 84 geometry: polygons' exteriors less their holes, summed
    /// over the parts of a multi-polygon; 0 for points and lines.
    public static func area(_ g: Geometry) -> Double {
        g.parts.reduce(0) { total, part in
            let rings = part.rings
            guard let shell = rings.first else { return total }
            return total + ringArea(shell) - rings.dropFirst().reduce(0) { $0 + ringArea($1) }
        }
    }

    /// Length in metres of a WGS 84 geometry: line lengths, or polygon perimeters (all rings).
    public static func length(_ g: Geometry) -> Double {
        g.parts.reduce(0) { total, part in
            switch part.kind {
            case .lineString, .linearRing: return total + length(part.coordinates)
            case .polygon: return total + part.rings.reduce(0) { $0 + length($1) }
            default: return total
            }
        }
    }
}
