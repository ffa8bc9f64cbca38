import Foundation
import TestSupport
import Testing

/// A population grid as Kontur ships it: a GeoPackage whose `population` table holds H3 cell
/// polygons in EPSG:3857 with `h3` and `population`. Made here with GDAL's ogr2ogr from cells
/// written as GeoJSON, so the expected centroids and figures are known.
/// GDAL's ogr2ogr, which the tests use to write GeoPackages as QGIS and Kontur do.
let ogr2ogrPath: String? = ["/usr/bin/ogr2ogr", "/usr/local/bin/ogr2ogr"].first { FileManager.default.isExecutableFile(atPath: $0) }

@Suite(.enabled(if: ogr2ogrPath != nil || SharedGeodata.isCI, "needs ogr2ogr (apt-get install gdal-bin)"))
struct GeoPackageImportTests {

    static let cells: [(h3: String, lon: Double, lat: Double, population: Double)] = [
        ("8823a0001", 76.90, 43.24, 1_200), ("8823a0002", 76.91, 43.24, 800), ("8823a0003", 76.92, 43.25, 0),
    ]

    static func run(_ tool: String, _ args: [String]) throws {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: tool)
        p.arguments = args
        p.standardError = FileHandle.nullDevice
        try p.run()
        p.waitUntilExit()
        #expect(p.terminationStatus == 0, "\(tool) \(args)")
    }

    /// A GeoPackage with the cells as table `population` (and, when asked, the same as `other`).
    static func geopackage(in dir: String, secondTable: Bool = false) throws -> String {
        let d = 0.004
        let features = cells.map { c in
            #"{"type":"Feature","properties":{"h3":"\#(c.h3)","population":\#(c.population)},"geometry":{"type":"Polygon","coordinates":[[[\#(c.lon - d),\#(c.lat - d)],[\#(c.lon + d),\#(c.lat - d)],[\#(c.lon + d),\#(c.lat + d)],[\#(c.lon - d),\#(c.lat + d)],[\#(c.lon - d),\#(c.lat - d)]]]}}"#
        }
        let geojson = dir + "/cells.geojson", gpkg = dir + "/kontur.gpkg"
        try #"{"type":"FeatureCollection","features":[\#(features.joined(separator: ","))]}"#.write(toFile: geojson, atomically: true, encoding: .utf8)
        let tool = try #require(ogr2ogrPath, "ogr2ogr is missing (apt-get install gdal-bin)")
        try run(tool, ["-f", "GPKG", "-t_srs", "EPSG:3857", "-nln", "population", gpkg, geojson])
        if secondTable { try run(tool, ["-update", "-nln", "other", gpkg, geojson]) }
        return gpkg
    }

    @Test func konturCellsImportAsDemandAtTheirCentroidsInWGS84() throws {
        let dir = try DatasetFixture.scratchDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let gpkg = try Self.geopackage(in: dir)
        let dataset = dir + "/d.sqlite"
        let r = try QadamProcess.run(["import", gpkg, "--dataset", dataset, "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        let report = try #require(try r.json() as? [String: Any])
        #expect(report["layer"] as? String == "demand" && report["record_count"] as? Int == 3)
        #expect(report["format"] as? String == "geopackage")

        // The centroids, back from EPSG:3857, sit on the cells' centres (to well under a metre).
        let audit = try QadamProcess.run(["coverage", "--kind", "school", "--max-m", "1", "--dataset", dataset, "--format", "json"])
        let result = try #require(try audit.json() as? [String: Any])
        #expect(result["population_total"] as? Double == 2_000)
        let outside = try #require(result["outside"] as? [[String: Any]])
        for point in outside.compactMap({ $0["point"] as? [String: Any] }) {
            let id = try #require(point["id"] as? String)
            let cell = try #require(Self.cells.first { $0.h3 == id }, "ids come from h3: \(id)")
            let at = try #require(point["location"] as? [Double])
            #expect(abs(at[0] - cell.lon) < 1e-6 && abs(at[1] - cell.lat) < 1e-6, "\(id) at \(at)")
        }
    }

    @Test func aGeoPackageWithSeveralTablesAsksWhichAndChangesNothing() throws {
        let dir = try DatasetFixture.scratchDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let gpkg = try Self.geopackage(in: dir, secondTable: true)
        let dataset = dir + "/d.sqlite"
        let refused = try QadamProcess.run(["import", gpkg, "--dataset", dataset])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("several feature tables (other, population)") && refused.stderr.contains("--source-layer"))
        #expect(!FileManager.default.fileExists(atPath: dataset))
        let chosen = try QadamProcess.run(["import", gpkg, "--source-layer", "population", "--dataset", dataset])
        #expect(chosen.status == 0, "\(chosen.stderr)")
        let missing = try QadamProcess.run(["import", gpkg, "--source-layer", "nope", "--dataset", dataset])
        #expect(missing.status == 2 && missing.stderr.contains("no feature table 'nope'"))
    }
}
