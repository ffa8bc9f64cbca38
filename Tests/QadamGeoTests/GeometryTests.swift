import Foundation
import Testing
@testable import QadamGeo
import QadamContract

@Suite("GEOS geometry bindings")
struct GeometryTests {
    @Test func wktRoundTripKeepsShape() throws {
        let text = "POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0), (2 2, 2 4, 4 4, 4 2, 2 2))"
        let g = try Geometry(wkt: text)
        #expect(g.kind == .polygon)
        #expect(g.rings.count == 2)
        let again = try Geometry(wkt: g.wkt)
        #expect(again.equals(g))
        #expect(g.planarArea == 96)
    }

    @Test func wkbRoundTripIsExact() throws {
        let g = try Geometry(wkt: "MULTILINESTRING ((76.9 43.2, 77.0 43.3), (71.4 51.1, 71.5 51.2, 71.6 51.1))")
        let bytes = g.wkb
        #expect(bytes.first == 1, "little-endian marker")
        let back = try Geometry(wkb: bytes)
        #expect(back.equals(g))
        #expect(back.wkb == bytes)
    }

    @Test func geoJSONRoundTrip() throws {
        let g = try Geometry(geoJSON: #"{"type":"Polygon","coordinates":[[[76.9,43.2],[77.0,43.2],[77.0,43.3],[76.9,43.2]]]}"#)
        #expect(g.kind == .polygon)
        let json = g.geoJSON
        #expect(json.contains("\"Polygon\""))
        #expect(try Geometry(geoJSON: json).equals(g))
    }

    @Test func brokenInputsThrowWithGEOSMessage() {
        #expect(throws: GeometryError.self) { try Geometry(wkt: "POLYGON ((0 0, 1 0") }
        #expect(throws: GeometryError.self) { try Geometry(geoJSON: #"{"type":"Polygon","coordinates":"#) }
        #expect(throws: GeometryError.self) { try Geometry(wkb: [1, 2, 3]) }
        do {
            _ = try Geometry(wkt: "LINESTRING (0 0")
            Issue.record("expected a parse error")
        } catch let error as GeometryError {
            #expect(!error.message.isEmpty)
            #expect(error.message != "reading WKT failed", "GEOS's own message should come through")
        } catch { Issue.record("unexpected \(error)") }
    }

    @Test func selfIntersectingPolygonIsReportedAndRepaired() throws {
        // A bow-tie: two triangles meeting at (1,1), drawn as one ring.
        let bowtie = try Geometry(wkt: "POLYGON ((0 0, 2 2, 2 0, 0 2, 0 0))")
        #expect(!bowtie.isValid)
        let reason = try #require(bowtie.invalidityReason)
        #expect(reason.contains("Self-intersection"))
        #expect(reason.contains("at 1.0 1.0"))
        let fixed = try bowtie.makeValid()
        #expect(fixed.isValid)
        #expect(fixed.kind.isPolygonal)
        #expect(abs(fixed.planarArea - 2.0) < 1e-12, "two unit triangles")
        #expect(fixed.invalidityReason == nil)
    }

    @Test func preparedContainsAndCoversDifferOnTheBoundary() throws {
        let square = try Geometry(wkt: "POLYGON ((0 0, 4 0, 4 4, 0 4, 0 0))").prepared()
        #expect(square.contains(Coordinate(lon: 1, lat: 1)))
        #expect(!square.contains(Coordinate(lon: 5, lat: 1)))
        #expect(!square.contains(Coordinate(lon: 0, lat: 2)))
        #expect(square.covers(Coordinate(lon: 0, lat: 2)))
    }

    @Test func envelopePartsAndBuilders() throws {
        let line = try Geometry.lineString([Coordinate(lon: 1, lat: 2), Coordinate(lon: 3, lat: -1)])
        #expect(line.envelope == BoundingBox(minX: 1, minY: -1, maxX: 3, maxY: 2))
        #expect(line.coordinates.count == 2)
        let square = try Geometry.polygon([.init(lon: 0, lat: 0), .init(lon: 1, lat: 0),
                                           .init(lon: 1, lat: 1), .init(lon: 0, lat: 0)])
        let multi = try Geometry.collection(.multiPolygon, [square, square])
        #expect(multi.parts.count == 2)
        #expect(try Geometry(wkt: "POINT EMPTY").envelope.isEmpty)
        #expect(try Geometry.point(Coordinate(lon: 2, lat: 3)).buffer(1).contains(Geometry.point(Coordinate(lon: 2.5, lat: 3))))
    }

    /// Many threads creating, operating on and freeing geometries at once: each uses its own
    /// GEOS context, so this must neither crash nor corrupt results. (Leaks are checked by
    /// running the suite under AddressSanitizer: see docs/development.md.)
    @Test func thousandsOfGeometriesOnSeveralThreads() async throws {
        let threads = 4, perThread = 3_000
        let areas = await withTaskGroup(of: Double.self) { group in
            for t in 0..<threads {
                group.addTask {
                    var total = 0.0
                    for i in 0..<perThread {
                        let c = Coordinate(lon: Double(t), lat: Double(i % 100))
                        let buffered = try! Geometry.point(c).buffer(1, quadrantSegments: 4)
                        let back = try! Geometry(wkb: buffered.wkb)
                        total += back.planarArea
                    }
                    return total
                }
            }
            var all: [Double] = []
            for await a in group { all.append(a) }
            return all
        }
        let expected = try Geometry.point(Coordinate(lon: 0, lat: 0)).buffer(1, quadrantSegments: 4).planarArea
        for total in areas { #expect(abs(total - expected * Double(perThread)) < 1e-6 * total) }
    }
}
