import Foundation
import QadamGeo
@testable import QadamNetwork
import Testing
import QadamContract

@Suite("OSM readers")
struct OSMReaderTests {
    static let nodes: [PBFTestWriter.Node] = [
        .init(id: 10, lon: 76.9000000, lat: 43.2500000),
        .init(id: 11, lon: 76.9010000, lat: 43.2500000),
        .init(id: 12, lon: 76.9020000, lat: 43.2500000, tags: [("amenity", "school"), ("name", "Мектеп №1"), ("capacity", "1 200")]),
        .init(id: 13, lon: 76.9010000, lat: 43.2510000),
        .init(id: -5, lon: -0.0000001, lat: -33.5),
    ]
    static let ways: [PBFTestWriter.Way] = [
        .init(id: 100, refs: [10, 11, 12], tags: [("highway", "residential"), ("oneway", "yes")]),
        .init(id: 101, refs: [11, 13], tags: [("highway", "steps")]),
        .init(id: 102, refs: [10, 13], tags: [("building", "yes")]),
    ]

    @Test(arguments: [true, false], [true, false])
    func pbfRoundTrip(compressed: Bool, denseNodes: Bool) throws {
        var writer = PBFTestWriter()
        writer.compress = compressed
        writer.denseNodes = denseNodes
        let url = try temporaryFile(writer.file(nodes: Self.nodes, ways: Self.ways), suffix: ".osm.pbf")
        defer { try? FileManager.default.removeItem(at: url) }
        let reader = PBFFileReader(url: url)
        var nodes: [OSMNode] = []
        try reader.forEachNode(wantTags: true) { nodes.append($0) }
        #expect(nodes.map(\.id) == Self.nodes.map(\.id))
        for (got, want) in zip(nodes, Self.nodes) {
            #expect(abs(got.coordinate.lon - want.lon) < 1e-9 && abs(got.coordinate.lat - want.lat) < 1e-9)
            #expect(got.tags == Dictionary(uniqueKeysWithValues: want.tags))
        }
        var ways: [OSMWay] = []
        try reader.forEachWay { ways.append($0) }
        #expect(ways.map(\.nodeIDs) == Self.ways.map(\.refs))
        #expect(ways[0].tags == ["highway": "residential", "oneway": "yes"])

        let imported = try NetworkImporter.importNetwork(from: reader)
        let g = imported.graph
        #expect(g.vertexCount == 4)  // 10, 11, 12 ends/junction, 13
        #expect(g.edgeCount == 3)
        #expect(imported.facilities == [OSMFacility(kind: "school", name: "Мектеп №1", capacity: 1200,
                                                    coordinate: nodes[2].coordinate, osmReference: "node/12")])
        // The steps are walkable but not for wheelchairs; the oneway street is one-way by car only.
        let steps = try #require((0..<g.edgeCount).first { g.vertexSourceID[Int(g.edgeTo[$0])] == 13 && g.vertexSourceID[Int(g.edgeFrom[$0])] == 11 })
        #expect(g.isUsable(edge: steps, by: .walk) && !g.isUsable(edge: steps, by: .wheelchair))
        let street = try #require((0..<g.edgeCount).first { g.vertexSourceID[Int(g.edgeFrom[$0])] == 10 })
        #expect(g.forwardCost[TravelProfile.drive.index][street].isFinite && g.backwardCost[TravelProfile.drive.index][street].isInfinite)
        #expect(g.forwardCost[TravelProfile.walk.index][street] == g.backwardCost[TravelProfile.walk.index][street])
    }

    func readError(_ bytes: [UInt8]) throws -> OSMReadError {
        let url = try temporaryFile(bytes, suffix: ".osm.pbf")
        defer { try? FileManager.default.removeItem(at: url) }
        do {
            try PBFFileReader(url: url).forEachWay { _ in }
        } catch let error as OSMReadError {
            return error
        }
        throw OSMReadError(source: "test", location: "-", message: "no error was thrown")
    }

    @Test func truncatedPBFIsAClearError() throws {
        let full = PBFTestWriter().file(nodes: Self.nodes, ways: Self.ways)
        for cut in [2, 10, full.count / 2, full.count - 1] {
            let error = try readError(Array(full.prefix(cut)))
            #expect(error.message.contains("truncated"), "\(cut): \(error)")
        }
    }

    @Test func wrongBlobSizesAreClearErrors() throws {
        var tooBig = PBFTestWriter(); tooBig.declaredDataSizeDelta = 7
        #expect(try readError(tooBig.file(nodes: Self.nodes, ways: Self.ways)).description.contains("blob"))
        var tooSmall = PBFTestWriter(); tooSmall.declaredDataSizeDelta = -3
        #expect(try readError(tooSmall.file(nodes: Self.nodes, ways: Self.ways)).location.hasPrefix("blob"))
        var wrongRaw = PBFTestWriter(); wrongRaw.rawSizeDelta = -4
        #expect(try readError(wrongRaw.file(nodes: Self.nodes, ways: Self.ways)).message.contains("raw_size"))
        let huge: [UInt8] = [0x7f, 0xff, 0xff, 0xff] + Array(repeating: 0, count: 16)
        #expect(try readError(huge).message.contains("blob header size"))
        let feature = PBFTestWriter().file(nodes: [], ways: [], requiredFeatures: ["OsmSchema-V0.6", "Sort.Type_then_ID", "LocationsOnWays"])
        #expect(try readError(feature).message.contains("unsupported feature"))
    }

    static let xml = """
    <?xml version="1.0" encoding="UTF-8"?>
    <osm version="0.6">
      <node id="1" lat="43.25" lon="76.90"/>
      <node id="2" lat="43.25" lon="76.901"><tag k="healthcare" v="clinic"/><tag k="name" v="ФАП Алатау"/></node>
      <node id="3" lat="43.251" lon="76.901"/>
      <way id="7"><nd ref="1"/><nd ref="2"/><nd ref="3"/><tag k="highway" v="footway"/></way>
      <way id="8"><nd ref="3"/><nd ref="99"/><tag k="highway" v="residential"/></way>
    </osm>
    """

    @Test func xmlWayWithMissingNodeIsALocatedError() throws {
        let url = try temporaryFile(Array(Self.xml.utf8), suffix: ".osm")
        defer { try? FileManager.default.removeItem(at: url) }
        #expect {
            try NetworkImporter.importNetwork(from: OSMXMLReader(url: url))
        } throws: { error in
            let e = error as? OSMReadError
            return e?.location == "way 8" && e?.message.contains("node 99") == true
        }
        let cut = try NetworkImporter.importNetwork(from: OSMXMLReader(url: url), options: .init(missingNodes: .cutWay))
        #expect(cut.report.missingNodeReferences == 1)
        #expect(cut.graph.edgeCount == 1)
        #expect(cut.facilities.map(\.kind) == ["feldsher_post"])
    }

    @Test func malformedXMLNamesTheLine() throws {
        let url = try temporaryFile(Array("<osm>\n<node id=\"1\" lat=\"1\" lon=\"2\">\n</way>".utf8), suffix: ".osm")
        defer { try? FileManager.default.removeItem(at: url) }
        #expect(throws: OSMReadError.self) { try OSMXMLReader(url: url).forEachNode(wantTags: true) { _ in } }
    }

    /// Found by fuzzing (scripts/fuzz.sh, FuzzOSMXML): one byte 0xE5 in an attribute name made
    /// FoundationXML trap. A file that is not UTF-8 is now a located error before parsing.
    @Test func anAttributeNameThatIsNotUTF8IsALocatedErrorNotACrash() throws {
        let head = Array("<?xml version='1.0' encoding='UTF-8'?>\n<osm version=\"0.6\">\n<node id=\"1\" lat=\"1\" lon=\"2\" us".utf8)
        let url = try temporaryFile(head + [0xE5] + Array("r=\"x\"/>\n</osm>\n".utf8), suffix: ".osm")
        defer { try? FileManager.default.removeItem(at: url) }
        #expect {
            try OSMXMLReader(url: url).forEachNode(wantTags: true) { _ in }
        } throws: { error in
            let e = error as? OSMReadError
            return e?.location == "line 3, byte \(head.count)" && e?.message.contains("UTF-8") == true
        }
    }

    /// The check reads in chunks: a multi-byte character cut by a chunk's end is still valid,
    /// and a bad byte in a later chunk is found at its true offset.
    @Test(arguments: [1, 2, 3, 5, 64]) func utf8CheckAcrossChunks(chunk: Int) throws {
        let good = Array("Алматы — Қонаев\nҚазақстан €\n".utf8)
        let url = try temporaryFile(good, suffix: ".txt")
        defer { try? FileManager.default.removeItem(at: url) }
        #expect(try UTF8Validation.firstInvalid(in: url, chunkSize: chunk) == nil)
        let bad = try temporaryFile(good + [0xC3, 0x28], suffix: ".txt")
        defer { try? FileManager.default.removeItem(at: bad) }
        #expect(try UTF8Validation.firstInvalid(in: bad, chunkSize: chunk) == .init(offset: good.count, line: 3))
        let cut = try temporaryFile(good + [0xE2, 0x82], suffix: ".txt")
        defer { try? FileManager.default.removeItem(at: cut) }
        #expect(try UTF8Validation.firstInvalid(in: cut, chunkSize: chunk) == .init(offset: good.count, line: 3))
    }

    @Test func geoJSONLinesConnectAtSharedPositions() throws {
        let json = """
        {"type":"FeatureCollection","features":[
          {"type":"Feature","properties":{},"geometry":{"type":"LineString","coordinates":[[76.9,43.25],[76.901,43.25]]}},
          {"type":"Feature","properties":{"highway":"residential","oneway":"yes"},
           "geometry":{"type":"LineString","coordinates":[[76.901,43.25],[76.902,43.25],[76.903,43.25]]}}
        ]}
        """
        let source = try GeoJSONLineSource(data: Data(json.utf8), sourceName: "lines.geojson")
        let g = try NetworkImporter.importNetwork(from: source).graph
        #expect(g.vertexCount == 3 && g.edgeCount == 2)
        #expect(g.largestComponentSize(.walk) == 3)
        #expect(g.largestComponentSize(.drive) == 2)  // a footway by default: not for cars
        let bad = #"{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Point","coordinates":[1,2]}}]}"#
        #expect {
            try GeoJSONLineSource(data: Data(bad.utf8), sourceName: "bad.geojson")
        } throws: { ($0 as? OSMReadError)?.location == "feature 0" }
    }
}
