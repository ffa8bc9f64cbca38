import Foundation
import QadamGeo
import QadamNetwork
import TestSupport
import Testing
import QadamContract

/// `qadam import` with Overpass API JSON, with several OSM files at once, and with a user's
/// facility name rules, through the built binary.
@Suite("Network import: Overpass JSON, several files, facility rules")
struct NetworkImportFilesTests {
    /// An Overpass answer: two streets meeting at node 2, a polyclinic tagged as a hospital,
    /// a relation (skipped).
    static let east = """
    {"version": 0.6, "generator": "Overpass API", "osm3s": {"copyright": "ODbL"}, "elements": [
      {"type": "node", "id": 1, "lat": 43.2500, "lon": 76.9100},
      {"type": "node", "id": 2, "lat": 43.2500, "lon": 76.9120},
      {"type": "node", "id": 3, "lat": 43.2515, "lon": 76.9120},
      {"type": "node", "id": 4, "lat": 43.2501, "lon": 76.9121, "tags": {"amenity": "hospital", "name": "Поликлиника №2"}},
      {"type": "way", "id": 20, "nodes": [1, 2], "tags": {"highway": "residential"}},
      {"type": "way", "id": 21, "nodes": [2, 3], "tags": {"highway": "footway"}},
      {"type": "relation", "id": 30, "members": [], "tags": {"type": "site"}}
    ]}
    """
    /// OSM XML west of it, whose street ends at the Overpass file's node 1: alone it is a
    /// clipped extract, together with the Overpass file the streets join there.
    static let west = """
    <osm version="0.6">
      <node id="50" lat="43.2500" lon="76.9080"><tag k="amenity" v="school"/><tag k="name" v="Мектеп"/></node>
      <node id="51" lat="43.2500" lon="76.9090"/>
      <way id="60"><nd ref="51"/><nd ref="1"/><tag k="highway" v="residential"/></way>
    </osm>
    """

    static func scratch(_ files: [String: String]) throws -> String {
        let dir = try DatasetFixture.scratchDirectory()
        for (name, text) in files { try Data(text.utf8).write(to: URL(fileURLWithPath: dir + "/" + name)) }
        return dir
    }

    @Test func anOverpassFileIsAStreetNetworkWithoutLayerFlag() throws {
        let dir = try Self.scratch(["east.json": Self.east])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let report = try NetworkRun.object(["import", dir + "/east.json", "--dataset", dir + "/d.sqlite", "--format", "json"])
        #expect(report["file"] as? String == "east.json" && report["ways_read"] as? Int == 2)
        #expect(report["vertices"] as? Int == 3 && report["edges"] as? Int == 2)
        // Tagged a hospital, named a polyclinic: the name decides.
        #expect(report["facilities"] as? [String: Int] == ["polyclinic": 1])
    }

    @Test func severalFilesMakeOneNetworkJoinedAtSharedNodes() throws {
        let dir = try Self.scratch(["east.json": Self.east, "west.osm": Self.west])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let alone = try QadamProcess.run(["import", dir + "/west.osm", "--dataset", dir + "/w.sqlite"])
        #expect(alone.status == 2 && alone.stderr.contains("node 1") && alone.stderr.contains("--missing-nodes cut"))

        let report = try NetworkRun.object(["import", dir + "/west.osm", dir + "/east.json", "--dataset", dir + "/d.sqlite",
                                            "--format", "json"])
        #expect(report["file"] as? String == "west.osm + east.json")
        #expect(report["ways_read"] as? Int == 3 && report["missing_node_references"] as? Int == 0)
        #expect(report["vertices"] as? Int == 4 && report["edges"] as? Int == 3)  // 51, 1, 2, 3 in one line
        #expect(report["facilities"] as? [String: Int] == ["school": 1, "polyclinic": 1])
        let route = try NetworkRun.object(["route", "--dataset", dir + "/d.sqlite", "--norms", DatasetFixture.normsPath,
                                           "--from", "76.9090,43.2500", "--to", "76.9120,43.2515", "--format", "json"])
        #expect(route["reachable"] as? Bool == true && abs((route["length_m"] as? Double ?? 0) - (243 + 167)) < 5)
        let info = try NetworkRun.output(["info", "--dataset", dir + "/d.sqlite", "--norms", DatasetFixture.normsPath, "--format", "json"])
        #expect(info.contains(#""file" : "west.osm + east.json""#))

        // The same file twice: every element once.
        let twice = try NetworkRun.object(["import", dir + "/east.json", dir + "/east.json", "--dataset", dir + "/e.sqlite", "--format", "json"])
        #expect(twice["ways_read"] as? Int == 2 && twice["vertices"] as? Int == 3 && twice["facilities"] as? [String: Int] == ["polyclinic": 1])
    }

    @Test func onlyNetworkFilesAreImportedTogether() throws {
        let lines = #"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":{"type":"LineString","coordinates":[[76.9,43.25],[76.91,43.25]]}}]}"#
        let dir = try Self.scratch(["a.csv": "id,lon,lat,kind\n1,76.9,43.25,school\n", "b.csv": "id,lon,lat,kind\n2,76.9,43.25,school\n",
                                    "east.json": Self.east, "lines.geojson": lines, "more.geojson": lines])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let twoLayers = try QadamProcess.run(["import", dir + "/a.csv", dir + "/b.csv", "--dataset", dir + "/d.sqlite"])
        #expect(twoLayers.status == 1 && twoLayers.stderr.contains("one GeoJSON or CSV file per layer"))
        let mixed = try QadamProcess.run(["import", dir + "/east.json", dir + "/a.csv", "--dataset", dir + "/d.sqlite"])
        #expect(mixed.status == 1 && mixed.stderr.contains("a.csv is not a street network file"))
        let twoLineLayers = try QadamProcess.run(["import", dir + "/lines.geojson", dir + "/more.geojson", "--layer", "network",
                                                  "--dataset", dir + "/d.sqlite"])
        #expect(twoLineLayers.status == 2 && twoLineLayers.stderr.contains("imported on its own"))
        #expect(!FileManager.default.fileExists(atPath: dir + "/d.sqlite"))
    }

    @Test func aBrokenOverpassElementIsLocatedAndTheDatasetStaysByteForByte() throws {
        let brokenWay = Self.east.replacingOccurrences(of: #""nodes": [2, 3]"#, with: #""nodes": [2, "3"]"#)
        let noPosition = Self.east.replacingOccurrences(of: #""lat": 43.2515, "lon": 76.9120"#, with: #""lon": 76.9120"#)
        let syntax = Self.east.replacingOccurrences(of: #""type": "site"}}"#, with: #""type": "site"}"#)
        let dir = try Self.scratch(["way.json": brokenWay, "node.json": noPosition, "syntax.json": syntax, "east.json": Self.east])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let dataset = dir + "/d.sqlite"
        try DatasetFixture.write(to: dataset, withNetwork: true)
        let before = try Data(contentsOf: URL(fileURLWithPath: dataset))
        let cases = [("way.json", "element 5 (way 21): nodes[1] is not an integer"),
                     ("node.json", "element 2 (node 3): lat and lon must both be numbers"),
                     ("syntax.json", "line 9, column 1: not valid JSON")]
        for (file, located) in cases {
            let result = try QadamProcess.run(["import", dir + "/" + file, "--dataset", dataset])
            #expect(result.status == 2 && result.stderr.contains("\(dir)/\(file): \(located)") && result.stderr.contains("was not changed"),
                    "\(result.stderr)")
        }
        // Also when the broken file comes second, after a good one.
        let second = try QadamProcess.run(["import", dir + "/east.json", dir + "/way.json", "--dataset", dataset])
        #expect(second.status == 2 && second.stderr.contains("way.json: element 5 (way 21)"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: dataset)) == before)
    }

    @Test func aRulesFileReKindsFacilitiesAndABadRowChangesNothing() throws {
        let dir = try Self.scratch(["east.json": Self.east, "rules.csv": "pattern,kind\nполиклиника 2,ambulatory\n",
                                    "bad.csv": "pattern,kind\nполиклиника 2,ambulatory\nстоматолог,dental\n"])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let dataset = dir + "/d.sqlite"
        let report = try NetworkRun.object(["import", dir + "/east.json", "--dataset", dataset, "--facility-rules", dir + "/rules.csv",
                                            "--format", "json"])
        #expect(report["facilities"] as? [String: Int] == ["ambulatory": 1])
        let before = try Data(contentsOf: URL(fileURLWithPath: dataset))
        let bad = try QadamProcess.run(["import", dir + "/east.json", "--dataset", dataset, "--facility-rules", dir + "/bad.csv"])
        #expect(bad.status == 2 && bad.stderr.contains("\(dir)/bad.csv: row 3: kind: \"dental\" is not one of") && bad.stderr.contains("was not changed"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: dataset)) == before)
    }

    /// The default dataset's network: Almaty's 2012 PBF and Konaev's Overpass download together.
    @Test(.enabled(if: SharedGeodata.shouldRun, SharedGeodata.skipReason))
    func almatyAndKonaevImportAsTheDefaultDatasetDoes() throws {
        let almaty = SharedGeodata.file("networks-kz/almaty_osm_2012.osm.pbf")
        let konaev = SharedGeodata.file("networks-kz/konaev_walk_overpass_2026-04-08.json")
        let dir = try DatasetFixture.scratchDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let dataset = dir + "/kz.sqlite"
        let report = try NetworkRun.object(["import", almaty.path, konaev.path, "--missing-nodes", "cut", "--dataset", dataset,
                                            "--format", "json"])
        let library = try NetworkImporter.importNetwork(from: NetworkImporter.source(for: [almaty, konaev]),
                                                        options: NetworkImportOptions(missingNodes: .cutWay))
        #expect(report["file"] as? String == "almaty_osm_2012.osm.pbf + konaev_walk_overpass_2026-04-08.json")
        #expect(report["vertices"] as? Int == library.graph.vertexCount && report["edges"] as? Int == library.graph.edgeCount)
        #expect(report["missing_node_references"] as? Int == 650)
        let facilities = try #require(report["facilities"] as? [String: Int])
        #expect(facilities["polyclinic"] == 8 && facilities["hospital"] == 43 && facilities["school"] == 69)
        // A walk across Konaev from the stored network is the library's walk on the graph it built.
        let from = Coordinate(lon: 77.0700, lat: 43.8650), to = Coordinate(lon: 77.0500, lat: 43.8800)
        let route = try NetworkRun.object(["route", "--dataset", dataset, "--norms", DatasetFixture.normsPath,
                                           "--from", "\(from.lon),\(from.lat)", "--to", "\(to.lon),\(to.lat)", "--format", "json"])
        let expected = try #require(NetworkSearch(network: StreetNetwork(graph: library.graph)).route(from: from, to: to, mode: .walk).value)
        #expect(abs((route["time_s"] as? Double ?? 0) - expected.measure.seconds) < 1e-9 * expected.measure.seconds)
    }
}
