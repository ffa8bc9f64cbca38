import Foundation
import QadamGeo
import QadamContract

/// A point in the map's SVG user units (y grows downwards).
struct ScreenPoint: Equatable, Sendable {
    var x: Double
    var y: Double
}

/// Equirectangular projection with longitudes scaled by cos(mid-latitude), fitted into a box.
///
/// Good enough for a picture of one country or city (at Kazakhstan's 40-55 °N the shapes look
/// right to the eye), needs no PROJ, and keeps the report renderer free of the geometry stack.
struct MapProjection: Sendable {
    let minLon: Double
    let maxLat: Double
    let lonScale: Double
    let scale: Double
    let padding: Double
    let width: Double
    let height: Double

    /// Fits `coordinates` (invalid ones ignored) into at most `maxWidth` x `maxHeight` units.
    init(fitting coordinates: [Coordinate], maxWidth: Double = 1000, maxHeight: Double = 1000, padding: Double = 10) {
        var minLon = Double.infinity, maxLon = -Double.infinity
        var minLat = Double.infinity, maxLat = -Double.infinity
        for c in coordinates where c.isValidWGS84 {
            minLon = min(minLon, c.lon); maxLon = max(maxLon, c.lon)
            minLat = min(minLat, c.lat); maxLat = max(maxLat, c.lat)
        }
        if !minLon.isFinite { (minLon, maxLon, minLat, maxLat) = (0, 0, 0, 0) }
        // A single point or a line still gets a small square around it.
        let minSpan = 0.01
        if maxLon - minLon < minSpan { let mid = (minLon + maxLon) / 2; minLon = mid - minSpan / 2; maxLon = mid + minSpan / 2 }
        if maxLat - minLat < minSpan { let mid = (minLat + maxLat) / 2; minLat = mid - minSpan / 2; maxLat = mid + minSpan / 2 }

        let lonScale = cos((minLat + maxLat) / 2 * .pi / 180)
        let spanX = (maxLon - minLon) * lonScale
        let spanY = maxLat - minLat
        let scale = min((maxWidth - 2 * padding) / spanX, (maxHeight - 2 * padding) / spanY)
        self.minLon = minLon
        self.maxLat = maxLat
        self.lonScale = lonScale
        self.scale = scale
        self.padding = padding
        self.width = (spanX * scale + 2 * padding).rounded(.up)
        self.height = (spanY * scale + 2 * padding).rounded(.up)
    }

    func project(_ c: Coordinate) -> ScreenPoint {
        ScreenPoint(x: padding + (c.lon - minLon) * lonScale * scale,
                    y: padding + (maxLat - c.lat) * scale)
    }
}
