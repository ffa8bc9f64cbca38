import Foundation
import Testing
@testable import QadamGeo
import QadamContract

@Suite("PROJ transforms and geodesics")
struct ProjectionTests {
    static let almaty = Coordinate(lon: 76.9286, lat: 43.2567)
    static let astana = Coordinate(lon: 71.4304, lat: 51.1282)

    /// Expected figures from PROJ's own command line tool (EPSG:4326 input is latitude first there):
    /// `echo "43.2567 76.9286" | cs2cs -f %.4f EPSG:4326 EPSG:32643` → 656542.8748 4791127.3313
    /// `echo "51.1282 71.4304" | cs2cs -f %.4f EPSG:4326 EPSG:32642` → 670059.0088 5666890.2251
    @Test func forwardMatchesCs2csToAMillimetre() throws {
        let utm43 = try Projection.utm(for: Self.almaty)
        #expect(utm43.target == "EPSG:32643")
        let p = try utm43.forward(Self.almaty)
        #expect(abs(p.lon - 656542.8748) < 0.001)
        #expect(abs(p.lat - 4791127.3313) < 0.001)

        let utm42 = try Projection.utm(for: Self.astana)
        let q = try utm42.forward(Self.astana)
        #expect(abs(q.lon - 670059.0088) < 0.001)
        #expect(abs(q.lat - 5666890.2251) < 0.001)
    }

    @Test func inverseReturnsToTheStart() throws {
        let utm = try Projection.utm(for: Self.almaty)
        let back = try utm.inverse(utm.forward(Self.almaty))
        #expect(abs(back.lon - Self.almaty.lon) < 1e-9)
        #expect(abs(back.lat - Self.almaty.lat) < 1e-9)
    }

    @Test func unknownCRSIsAClearError() {
        #expect(throws: GeometryError.self) { try Projection(from: "EPSG:4326", to: "EPSG:999999") }
    }

    @Test func utmZonesAcrossKazakhstan() {
        #expect(UTMZone(containing: Self.almaty).epsg == 32643)
        #expect(UTMZone(containing: Coordinate(lon: 51.17, lat: 43.65)).number == 39) // Aktau
        #expect(UTMZone(containing: Coordinate(lon: 84.9, lat: 49.9)).number == 45)   // Zaisan area
    }

    /// Reference: `echo "43.2567 76.9286 51.1282 71.4304" | geod +ellps=WGS84 -I` → 968568.890 m.
    @Test func geodesicAlmatyAstanaWithinAMetre() {
        let d = Geodesic.distance(Self.almaty, Self.astana)
        #expect(abs(d - 968_568.890) < 1)
        #expect(Geodesic.distance(Self.almaty, Self.almaty) == 0)
    }

    @Test func destinationInvertsInverse() {
        let (d, azimuth) = Geodesic.inverse(Self.almaty, Self.astana)
        let end = Geodesic.destination(from: Self.almaty, azimuth: azimuth, distance: d)
        #expect(Geodesic.distance(end, Self.astana) < 1e-3)
    }

    /// A quadrangle between two parallels and two meridians has an exact ellipsoidal area
    /// (via the authalic latitude function q). For a cell this small the geodesic edges depart
    /// from the parallels by far less than 0.1 %.
    @Test func areaOfAKnownPolygonWithinATenthOfAPercent() throws {
        let (lat1, lat2, lon1, lon2) = (43.20, 43.21, 76.90, 76.91)
        let a = 6_378_137.0, f = 1 / 298.257223563
        let e2 = f * (2 - f), e = e2.squareRoot(), b2 = a * a * (1 - e2)
        func q(_ phi: Double) -> Double {
            let s = sin(phi * .pi / 180)
            return s / (1 - e2 * s * s) + log((1 + e * s) / (1 - e * s)) / (2 * e)
        }
        let exact = (lon2 - lon1) * .pi / 180 * b2 / 2 * (q(lat2) - q(lat1))
        let cell = try Geometry.polygon([.init(lon: lon1, lat: lat1), .init(lon: lon2, lat: lat1),
                                         .init(lon: lon2, lat: lat2), .init(lon: lon1, lat: lat2),
                                         .init(lon: lon1, lat: lat1)])
        #expect(abs(Geodesic.area(cell) - exact) / exact < 0.001)

        // The same cell projected to UTM and measured on the plane agrees too (scale ≈ 0.9999).
        let planar = try Projection.utm(for: Self.almaty).forward(cell).planarArea
        #expect(abs(planar - exact) / exact < 0.001)
    }

    @Test func holesAreSubtractedAndLinesMeasured() throws {
        let withHole = try Geometry(wkt: "POLYGON ((76 43, 77 43, 77 44, 76 44, 76 43), (76.2 43.2, 76.4 43.2, 76.4 43.4, 76.2 43.4, 76.2 43.2))")
        let outer = try Geometry(wkt: "POLYGON ((76 43, 77 43, 77 44, 76 44, 76 43))")
        let hole = try Geometry(wkt: "POLYGON ((76.2 43.2, 76.4 43.2, 76.4 43.4, 76.2 43.4, 76.2 43.2))")
        #expect(abs(Geodesic.area(withHole) - (Geodesic.area(outer) - Geodesic.area(hole))) < 1e-3)
        let line = try Geometry.lineString([Self.almaty, Self.astana])
        #expect(abs(Geodesic.length(line) - 968_568.890) < 1)
    }
}
