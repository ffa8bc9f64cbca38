import Foundation
import TestSupport
import Testing

/// `--format gpkg --output FILE`: the result tables as GeoPackage layers, checked with GDAL's
/// `ogrinfo` (what QGIS reads GeoPackages with): the file opens, the layers and their feature
/// counts are the answer's, outside points are points in EPSG:4326 and a district roll-up
/// the districts' outlines, numbers stay numbers.
@Suite("GeoPackage output", .enabled(if: OGRInfo.path != nil || SharedGeodata.isCI, "needs GDAL's ogrinfo (Debian: gdal-bin)"))
struct GeoPackageOutputTests {
    /// The lines of one layer's summary, from its `Layer name:` line to the next layer's.
    private func layer(_ name: String, in summary: String) -> [Substring] {
        let lines = summary.split(separator: "\n")
        guard let start = lines.firstIndex(of: "Layer name: \(name)"[...]) else { return [] }
        let end = lines[(start + 1)...].firstIndex { $0.hasPrefix("Layer name: ") } ?? lines.endIndex
        return Array(lines[start..<end])
    }

    @Test func coverageOutsidePointsAndTheDistrictRollUpOpenInOGR() throws {
        let dir = try DatasetFixture.scratchDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let dataset = dir + "/d.qadam"
        _ = try DatasetFixture.write(to: dataset, variant: .services)
        let coverage = ["coverage", "--dataset", dataset, "--kind", "school", "--max-m", "500"]

        let json = try QadamProcess.run(coverage + ["--format", "json"])
        #expect(json.status == 0, "\(json.stderr)")
        let answer = try #require(try json.json() as? [String: Any])
        let outside = try #require(answer["outside"] as? [[String: Any]])
        #expect(!outside.isEmpty, "the fixture leaves D2 and D4 outside 500 m")

        let points = dir + "/coverage.gpkg"
        let written = try QadamProcess.run(coverage + ["--format", "gpkg", "--output", points])
        #expect(written.status == 0, "\(written.stderr)")
        #expect(written.stdout.isEmpty)
        let summary = try OGRInfo.summary(points)
        let lines = layer("coverage_outside", in: summary)
        #expect(lines.contains("Geometry: Point"), "\(summary)")
        #expect(lines.contains("Feature Count: \(outside.count)"), "\(summary)")
        #expect(lines.contains { $0.contains(#"ID["EPSG",4326]"#) }, "\(summary)")
        #expect(lines.contains("population: Integer64 (0.0)") || lines.contains("population: Real (0.0)"), "\(summary)")
        #expect(lines.contains("id: String (0.0)"), "\(summary)")

        let groups = try QadamProcess.run(coverage + ["--group-by", "district", "--format", "json"])
        let groupCount = try #require((try groups.json() as? [String: Any])?["groups"] as? [[String: Any]]).count
        let rollUp = dir + "/districts.gpkg"
        #expect(try QadamProcess.run(coverage + ["--group-by", "district", "--format", "gpkg", "--output", rollUp]).status == 0)
        let rollUpLines = layer("coverage_groups", in: try OGRInfo.summary(rollUp))
        #expect(groupCount > 0)
        #expect(rollUpLines.contains("Feature Count: \(groupCount)"), "\(rollUpLines)")
        // Each district's row is drawn as the district's outline.
        #expect(rollUpLines.contains("Geometry: Multi Polygon"), "\(rollUpLines)")
        #expect(rollUpLines.contains("Extent: (76.000000, 43.000000) - (78.000000, 44.000000)"), "\(rollUpLines)")
    }

    @Test func anAuditIsOnePointPerOriginWithItsMeasures() throws {
        let dir = try DatasetFixture.scratchDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let dataset = dir + "/d.qadam"
        _ = try DatasetFixture.write(to: dataset, variant: .services)
        let origins = dir + "/origins.csv"
        try Data("id,lon,lat\nhome,76.51,43.5\nfar,77.45,43.6\nbad,76.5,95\n".utf8).write(to: URL(fileURLWithPath: origins))
        let file = dir + "/audit.gpkg"
        let result = try QadamProcess.run(["audit", "--dataset", dataset, "--origins", origins, "--kind", "school",
                                           "--format", "gpkg", "--output", file])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = layer("audit", in: try OGRInfo.summary(file))
        #expect(lines.contains("Geometry: Point"), "\(lines)")
        // The bad origin keeps its row, with its error and no geometry.
        #expect(lines.contains("Feature Count: 3"), "\(lines)")
        #expect(lines.contains("distance_m: Real (0.0)"), "\(lines)")
        #expect(lines.contains("error: String (0.0)"), "\(lines)")
    }

    @Test func isochronesAreOnePolygonLayerOverTheSocketToo() throws {
        let daemon = try DaemonProcess(variant: .a, withNetwork: true)
        let file = daemon.directory + "/isochrones.gpkg"
        let from = "\(DatasetFixture.cityPoint.lon),\(DatasetFixture.cityPoint.lat)"
        let result = try QadamProcess.run(["isochrone", "--socket", daemon.socketPath, "--from", from, "--minutes", "3,6",
                                           "--format", "gpkg", "--output", file])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = layer("isochrones", in: try OGRInfo.summary(file))
        #expect(lines.contains("Feature Count: 2"), "\(lines)")
        #expect(lines.contains { $0.hasPrefix("Geometry: ") && $0.contains("Polygon") }, "\(lines)")
        #expect(lines.contains("minutes: Integer64 (0.0)") || lines.contains("minutes: Real (0.0)"), "\(lines)")
    }

    @Test func gpkgWithoutAnOutputFileIsAUsageError() throws {
        let result = try QadamProcess.run(["coverage", "--dataset", "/nonexistent.qadam", "--kind", "school", "--format", "gpkg"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("--format gpkg writes a file: add --output FILE.gpkg"), "\(result.stderr)")
    }
}

/// GDAL's `ogrinfo`, if installed: what QGIS reads GeoPackages with.
enum OGRInfo {
    static let path: String? = ["/usr/bin/ogrinfo", "/usr/local/bin/ogrinfo"].first { FileManager.default.isExecutableFile(atPath: $0) }

    /// `ogrinfo -so -al FILE`: every layer's summary; GDAL's errors fail the calling test.
    static func summary(_ file: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(path, "ogrinfo is not installed"))
        process.arguments = ["-so", "-al", file]
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let errors = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "ogrinfo: \(errors)")
        #expect(!errors.contains("ERROR") && !errors.contains("Warning"), "ogrinfo: \(errors)")
        return text
    }
}
