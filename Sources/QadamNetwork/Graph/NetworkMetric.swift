import Foundation
import QadamGeo
import QadamContract

/// Distances the network uses for its own geometry: geodesic (WGS 84 ellipsoid, via
/// `Geodesic`) for edge lengths and off-network legs, so network metres agree with the
/// straight-line metres elsewhere in Qadam; and a local equirectangular plane (`LocalPlane`)
/// for snapping, where only the ranking of short distances near one point matters.
enum NetworkMetric {
    static let metresPerDegree = 6_371_008.8 * Double.pi / 180

    @inline(__always)
    static func distance(_ lon1: Double, _ lat1: Double, _ lon2: Double, _ lat2: Double) -> Double {
        Geodesic.distance(Coordinate(lon: lon1, lat: lat1), Coordinate(lon: lon2, lat: lat2))
    }

    static func distance(_ a: Coordinate, _ b: Coordinate) -> Double { Geodesic.distance(a, b) }
}

/// Equirectangular metres around a reference latitude: x east, y north. Accurate to well
/// under 1% within tens of kilometres, which is all snapping needs.
public struct LocalPlane: Sendable {
    public let metresPerDegreeLon: Double
    public let metresPerDegreeLat: Double

    public init(referenceLatitude: Double) {
        metresPerDegreeLat = NetworkMetric.metresPerDegree
        metresPerDegreeLon = NetworkMetric.metresPerDegree * cos(referenceLatitude * .pi / 180)
    }

    @inline(__always) public func x(_ lon: Double) -> Double { lon * metresPerDegreeLon }
    @inline(__always) public func y(_ lat: Double) -> Double { lat * metresPerDegreeLat }
}
