import Foundation
import QadamGeo
import TestSupport
import Testing
import QadamContract

/// `qadam route`, `nearest`, `matrix`, `isochrone`, `graph export` and the network import, end
/// to end through the built binaries, on the fixture's synthetic city (always) — in-process
/// and against a live qadamd serving the same file.
@Suite("Street network commands")
final class NetworkCommandsTests {
    let daemon: DaemonProcess

    init() throws {
        daemon = try DaemonProcess(variant: .a, withNetwork: true)
    }

    var inProcess: [String] { ["--dataset", daemon.datasetPath, "--norms", DatasetFixture.normsPath] }
    var overSocket: [String] { ["--socket", daemon.socketPath] }
    static let city = "\(DatasetFixture.cityPoint.lon),\(DatasetFixture.cityPoint.lat)"

    @Test func nearestRouteAndIsochroneAreTheSameInProcessAndFromTheDaemon() throws {
        let asks: [[String]] = [
            ["nearest", "--kind", "school", "--from", Self.city, "--k", "2", "--path"],
            ["nearest", "--kind", "school", "--from", Self.city, "--k", "5", "--profile", "wheelchair"],
            ["route", "--from", "76.8815,43.2210", "--to", "76.8880,43.2255", "--profile", "drive"],
            ["route", "--from", "76.8815,43.2210", "--to", "76.8880,43.2255", "--speed-kmh", "3.5"],
            ["isochrone", "--from", "76.8815,43.2210", "--minutes", "2,4"],
        ]
        for ask in asks {
            let local = try NetworkRun.output(ask + inProcess + ["--format", "json"])
            let remote = try NetworkRun.output(ask + overSocket + ["--format", "json"])
            #expect(local == remote, "\(ask)")
        }
    }

    @Test func nearestFindsTheSchoolsInTimeOrderAndEchoesItsParameters() throws {
        let result = try NetworkRun.object(["nearest", "--kind", "school", "--from", Self.city, "--k", "5", "--speed-kmh", "4",
                                            "--format", "json"] + inProcess)
        let facilities = try #require(result["facilities"] as? [[String: Any]])
        #expect(facilities.map { $0["id"] as? String } == ["F2", "F1"])  // k 5 > index k: exact search, both schools
        let times = facilities.compactMap { $0["time_s"] as? Double }
        #expect(times == times.sorted() && times.count == 2)
        #expect(result["profile"] as? String == "walk" && result["speed_kmh"] as? Double == 4 && result["max_snap_m"] as? Double == 500)
        // The index (k <= 3) gives the same first answer as the exact search.
        let first = try NetworkRun.object(["nearest", "--kind", "school", "--from", Self.city, "--speed-kmh", "4", "--format", "json"] + inProcess)
        let hit = try #require((first["facilities"] as? [[String: Any]])?.first)
        #expect(hit["id"] as? String == "F2" && abs((hit["time_s"] as? Double ?? 0) - times[0]) < 1e-9 * times[0])
    }

    @Test func routeGeoJSONIsALineFromPointToPoint() throws {
        let text = try NetworkRun.output(["route", "--from", "76.8815,43.2210", "--to", "76.8880,43.2255", "--format", "geojson"] + inProcess)
        let collection = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let feature = try #require((collection["features"] as? [[String: Any]])?.first)
        let geometry = try #require(feature["geometry"] as? [String: Any])
        let line = try Geometry(geoJSON: String(decoding: try JSONSerialization.data(withJSONObject: geometry), as: UTF8.self))
        #expect(line.kind == .lineString && line.isValid)
        #expect(line.coordinates.first == Coordinate(lon: 76.8815, lat: 43.2210) && line.coordinates.last == Coordinate(lon: 76.8880, lat: 43.2255))
        let properties = try #require(feature["properties"] as? [String: Any])
        #expect((properties["length_m"] as? Double ?? 0) > 600)  // ~790 m apart in a straight line
    }

    @Test func isochronePolygonsAreValidAndNested() throws {
        for backend in [inProcess, overSocket] {
            let text = try NetworkRun.output(["isochrone", "--from", Self.city, "--minutes", "10,3,6", "--format", "geojson"] + backend)
            let collection = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
            let features = try #require(collection["features"] as? [[String: Any]])
            #expect(features.map { ($0["properties"] as? [String: Any])?["minutes"] as? Double } == [3, 6, 10])
            var previous: Geometry?
            for feature in features {
                let data = try JSONSerialization.data(withJSONObject: try #require(feature["geometry"]))
                let area = try Geometry(geoJSON: String(decoding: data, as: UTF8.self))
                #expect(area.kind.isPolygonal && area.isValid, "\(area.invalidityReason ?? "")")
                if let previous { #expect(try IsochroneNesting.contains(area, previous)) }
                previous = area
            }
        }
    }

    @Test func matrixStreamsTheSameRowsWhateverTheBatchSize() throws {
        let ask = ["matrix", "--from-layer", "facilities", "--to-layer", "facilities", "--format", "csv"]
        let whole = try NetworkRun.output(ask + inProcess)
        let rows = try CSVReference.parse(whole)
        #expect(rows.first == ["from", "to", "length_m", "time_s"])
        #expect(rows.count == 1 + 9 && rows.dropFirst().allSatisfy { $0.count == 4 && Double($0[2]) != nil })
        #expect(try NetworkRun.output(ask + inProcess + ["--batch-cells", "2"]) == whole)
        #expect(try NetworkRun.output(ask + overSocket + ["--batch-cells", "4"]) == whole)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(try NetworkRun.output(
            ["matrix", "--from-layer", "settlements", "--to-layer", "facilities", "--to-kind", "school", "--format", "json", "--batch-cells", "1"]
                + overSocket).utf8)) as? [[String: Any]])
        // The settlements are kilometres from the city's streets: every row says why it has no measure.
        #expect(json.count == 6 && json.allSatisfy { $0["reason"] as? String == "off_network" && $0["time_s"] == nil })
    }

    @Test func graphExportWritesNodesAndEdges() throws {
        let dir = try DatasetFixture.scratchDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        _ = try NetworkRun.output(["graph", "export", "--dataset", daemon.datasetPath, "--norms", DatasetFixture.normsPath,
                                   "--profile", "walk", "--format", "csv", "--output", dir])
        let nodes = try CSVReference.parse(try String(contentsOfFile: dir + "/nodes.csv", encoding: .utf8))
        let edges = try CSVReference.parse(try String(contentsOfFile: dir + "/edges.csv", encoding: .utf8))
        #expect(nodes.first == ["id", "lon", "lat"] && edges.first == ["from", "to", "length_m", "cost_s"])
        let ids = Set(nodes.dropFirst().map { $0[0] })
        #expect(ids.count > 50 && edges.count > ids.count)
        #expect(edges.dropFirst().allSatisfy { ids.contains($0[0]) && ids.contains($0[1]) && (Double($0[3]) ?? -1) >= 0 })
        let overSocket = try QadamProcess.run(["graph", "export", "--socket", daemon.socketPath, "--output", dir])
        #expect(overSocket.status == 1)  // in-process only: --socket is not an option
    }

    @Test func aDatasetWithoutANetworkSaysHowToGetOne() throws {
        let plain = try DaemonProcess(variant: .a)
        for backend in [["--dataset", plain.datasetPath, "--norms", DatasetFixture.normsPath], ["--socket", plain.socketPath]] {
            let result = try QadamProcess.run(["route", "--from", "76.7,43.5", "--to", "76.8,43.5"] + backend)
            #expect(result.status == 2)
            #expect(result.stderr.contains("dataset has no network layer; import an OSM extract with qadam import") && result.stderr.contains("-32006"))
        }
    }

    @Test func badParametersNameTheField() throws {
        let result = try QadamProcess.run(["isochrone", "--from", Self.city, "--minutes", "5,-1"] + overSocket)
        #expect(result.status == 2 && result.stderr.contains("field minutes[1]"), "\(result.stderr)")
    }

    /// Closed vocabularies are the contract's enums on the command line too: a word outside
    /// one is a usage error listing the words, before any request; OSM spellings are read.
    @Test func vocabularyOptionsAreCheckedAndListTheirWords() throws {
        for (ask, option, listed) in [(["nearest", "--kind", "spaceport", "--from", Self.city], "--kind", "feldsher_post"),
                                      (["route", "--from", Self.city, "--to", Self.city, "--profile", "bike"], "--profile", "wheelchair")] {
            let result = try QadamProcess.run(ask + overSocket)
            #expect(result.status == 1 && result.stderr.contains(option) && result.stderr.contains(listed), "\(result.stderr)")
        }
        let clinic = try QadamProcess.run(["nearest", "--kind", "clinic", "--from", Self.city, "--format", "json"] + overSocket)
        #expect(clinic.status == 0 && clinic.stdout.contains(#""kind" : "polyclinic""#), "\(clinic.stderr)")
    }
}

/// Network imports of small hand-made files: GeoJSON lines, OSM XML, and broken input that
/// must leave the dataset untouched.
@Suite("Street network import")
struct NetworkImportCommandTests {
    static let lines = """
        {"type":"FeatureCollection","features":[
        {"type":"Feature","properties":{"name":"Main"},"geometry":{"type":"LineString","coordinates":[[76.90,43.25],[76.91,43.25],[76.92,43.25]]}},
        {"type":"Feature","properties":{"highway":"residential"},"geometry":{"type":"LineString","coordinates":[[76.91,43.24],[76.91,43.25],[76.91,43.26]]}},
        {"type":"Feature","properties":{"highway":"motorway"},"geometry":{"type":"LineString","coordinates":[[76.90,43.27],[76.92,43.27]]}}]}
        """

    static func osm(wayNodes: [Int]) -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <osm version="0.6">
          <node id="1" lat="43.25" lon="76.90"/>
          <node id="2" lat="43.25" lon="76.91"/>
          <node id="3" lat="43.25" lon="76.92"><tag k="amenity" v="school"/><tag k="name" v="Mektep"/></node>
          <way id="10">\(wayNodes.map { "<nd ref=\"\($0)\"/>" }.joined())<tag k="highway" v="residential"/></way>
        </osm>
        """
    }

    @Test func geoJSONLinesBecomeAWalkableNetwork() throws {
        let dir = try DatasetFixture.scratchDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try Data(Self.lines.utf8).write(to: URL(fileURLWithPath: dir + "/lines.geojson"))
        let report = try NetworkRun.object(["import", dir + "/lines.geojson", "--layer", "network", "--dataset", dir + "/d.sqlite", "--format", "json"])
        #expect(report["stored_ways"] as? Int == 3 && report["facilities"] == nil)
        // The two lines cross at a shared position: 5 vertices (ends and the crossing) plus the motorway's 2.
        #expect(report["vertices"] as? Int == 7)
        #expect(abs((report["walk_km"] as? Double ?? 0) - 3.84) < 0.05)  // 1.62 km east-west + 2.22 km north-south; no motorway
        let route = try NetworkRun.object(["route", "--dataset", dir + "/d.sqlite", "--norms", DatasetFixture.normsPath,
                                           "--from", "76.90,43.25", "--to", "76.91,43.26", "--format", "json"])
        #expect(route["reachable"] as? Bool == true && abs((route["length_m"] as? Double ?? 0) - (810 + 1112)) < 10)
        let walkingOnTheMotorway = try NetworkRun.object(["route", "--dataset", dir + "/d.sqlite", "--norms", DatasetFixture.normsPath,
                                                          "--from", "76.90,43.27", "--to", "76.91,43.26", "--format", "json", "--max-snap-m", "100"])
        #expect((walkingOnTheMotorway["reason"] as? [String: Any])?["code"] as? String == "off_network")
    }

    @Test func osmXMLWritesNetworkAndFacilitiesTogether() throws {
        let dir = try DatasetFixture.scratchDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let dataset = dir + "/d.sqlite"
        try DatasetFixture.write(to: dataset)
        try Data(Self.osm(wayNodes: [1, 2, 3]).utf8).write(to: URL(fileURLWithPath: dir + "/town.osm"))
        let report = try NetworkRun.object(["import", dir + "/town.osm", "--dataset", dataset, "--format", "json"])
        #expect(report["facilities"] as? [String: Int] == ["school": 1] && report["edges"] as? Int == 1)
        let info = try NetworkRun.object(["info", "--dataset", dataset, "--norms", DatasetFixture.normsPath, "--format", "json"])
        #expect(info["layers"] as? [String: Int] == ["districts": 3, "settlements": 3, "network": 1, "facilities": 1])
        let nearest = try NetworkRun.object(["nearest", "--dataset", dataset, "--norms", DatasetFixture.normsPath,
                                             "--kind", "school", "--from", "76.90,43.25", "--format", "json"])
        let school = try #require((nearest["facilities"] as? [[String: Any]])?.first)
        #expect(school["id"] as? String == "node/3" && school["name"] as? String == "Mektep")
        // --no-facilities keeps the facilities layer as it was.
        let again = try NetworkRun.object(["import", dir + "/town.osm", "--dataset", dataset, "--no-facilities", "--format", "json"])
        #expect(again["facilities"] == nil)
        // --bbox around the first two nodes keeps one edge and drops the school outside it.
        let boxed = try NetworkRun.object(["import", dir + "/town.osm", "--dataset", dataset, "--bbox", "76.899,43.24,76.915,43.26", "--format", "json"])
        #expect(boxed["vertices"] as? Int == 2 && boxed["facilities"] as? [String: Int] == [:])
    }

    @Test func clipDistrictKeepsOnlyTheStreetsInside() throws {
        let dir = try DatasetFixture.scratchDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let dataset = dir + "/d.sqlite"
        try DatasetFixture.write(to: dataset)
        // A street across the rayon border at lon 77: R1 keeps the western part, up to the border.
        try Data("""
            <osm version="0.6"><node id="1" lat="43.5" lon="76.98"/><node id="2" lat="43.5" lon="77.0"/><node id="3" lat="43.5" lon="77.02"/>
            <way id="10"><nd ref="1"/><nd ref="2"/><nd ref="3"/><tag k="highway" v="residential"/></way></osm>
            """.utf8).write(to: URL(fileURLWithPath: dir + "/border.osm"))
        let west = try NetworkRun.object(["import", dir + "/border.osm", "--dataset", dataset, "--clip-district", "R1", "--format", "json"])
        #expect(west["vertices"] as? Int == 2 && west["nodes_clipped_away"] as? Int == 1)
        let unknown = try QadamProcess.run(["import", dir + "/border.osm", "--dataset", dataset, "--clip-district", "R9"])
        #expect(unknown.status == 2 && unknown.stderr.contains("R9"))
    }

    @Test func aFailedImportLeavesTheDatasetByteForByteUnchanged() throws {
        let dir = try DatasetFixture.scratchDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let dataset = dir + "/d.sqlite"
        try DatasetFixture.write(to: dataset, withNetwork: true)
        let before = try Data(contentsOf: URL(fileURLWithPath: dataset))
        try Data(Self.osm(wayNodes: [1, 2, 99]).utf8).write(to: URL(fileURLWithPath: dir + "/missing.osm"))
        let missing = try QadamProcess.run(["import", dir + "/missing.osm", "--dataset", dataset])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("way 10") && missing.stderr.contains("node 99") && missing.stderr.contains("--missing-nodes cut"))
        try Data(Self.osm(wayNodes: [1, 2, 3]).prefix(180).utf8).write(to: URL(fileURLWithPath: dir + "/truncated.osm"))
        let truncated = try QadamProcess.run(["import", dir + "/truncated.osm", "--dataset", dataset])
        #expect(truncated.status == 2 && truncated.stderr.contains("was not changed"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: dataset)) == before)
        // A new dataset is not even created by a failed import.
        let fresh = try QadamProcess.run(["import", dir + "/missing.osm", "--dataset", dir + "/new.sqlite"])
        #expect(fresh.status == 2 && !FileManager.default.fileExists(atPath: dir + "/new.sqlite"))
        // With --missing-nodes cut the clipped way is kept up to the gap.
        let cut = try NetworkRun.object(["import", dir + "/missing.osm", "--dataset", dataset, "--missing-nodes", "cut", "--format", "json"])
        #expect(cut["missing_node_references"] as? Int == 1 && cut["edges"] as? Int == 1)
    }
}

/// Nested isochrones: the inner area lies inside the outer one up to the floating-point noise
/// of GEOS overlay (the union that nests them renodes shared edges by ~1e-14 degrees), so
/// "inside" means the part of `inner` outside `outer` has a negligible area.
enum IsochroneNesting {
    static func contains(_ outer: Geometry, _ inner: Geometry) throws -> Bool {
        try inner.difference(outer).planarArea <= 1e-9 * inner.planarArea
    }
}

/// Small helpers over `QadamProcess` for commands that must succeed.
enum NetworkRun {
    static func output(_ arguments: [String]) throws -> String {
        let result = try QadamProcess.run(arguments)
        #expect(result.status == 0, "qadam \(arguments.joined(separator: " ")): \(result.stderr)")
        return result.stdout
    }

    static func object(_ arguments: [String]) throws -> [String: Any] {
        let text = try output(arguments)
        return try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any], "\(text)")
    }
}
