import Foundation
import QadamGeo

/// Distances the network uses for its own geometry: haversine on the mean Earth sphere for
/// edge lengths (as OSMnx and most routers do, so lengths are comparable to theirs and cheap
/// to compute for millions of segments), and a local equirectangular plane for snapping,
/// where only short distances near one point matter.
enum NetworkMetric {
    static let earthRadius = 6_371_008.8
    static let metresPerDegree = earthRadius * Double.pi / 180

    static func haversine(_ lon1: Double, _ lat1: Double, _ lon2: Double, _ lat2: Double) -> Double {
        let p1 = lat1 * .pi / 180, p2 = lat2 * .pi / 180
        let dp = p2 - p1, dl = (lon2 - lon1) * .pi / 180
        let h = sin(dp / 2) * sin(dp / 2) + cos(p1) * cos(p2) * sin(dl / 2) * sin(dl / 2)
        return 2 * earthRadius * asin(min(1, sqrt(h)))
    }

    static func haversine(_ a: Coordinate, _ b: Coordinate) -> Double {
        haversine(a.lon, a.lat, b.lon, b.lat)
    }
}

/// Equirectangular metres around a reference latitude: x east, y north. Accurate to well
/// under 1% within tens of kilometres, which is all snapping needs.
struct LocalPlane: Sendable {
    let metresPerDegreeLon: Double
    let metresPerDegreeLat: Double

    init(referenceLatitude: Double) {
        metresPerDegreeLat = NetworkMetric.metresPerDegree
        metresPerDegreeLon = NetworkMetric.metresPerDegree * cos(referenceLatitude * .pi / 180)
    }

    @inline(__always) func x(_ lon: Double) -> Double { lon * metresPerDegreeLon }
    @inline(__always) func y(_ lat: Double) -> Double { lat * metresPerDegreeLat }
}
