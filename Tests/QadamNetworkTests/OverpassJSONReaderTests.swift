import Foundation
import QadamGeo
@testable import QadamNetwork
import Testing
import QadamContract

@Suite("Overpass API JSON reader")
struct OverpassJSONReaderTests {
    /// A small town twice: as Overpass returns it and as OSM XML. A one-way street, a footway,
    /// steps, a school building and a clinic node named as a polyclinic; the relation is skipped.
    static let overpass = """
    {"version": 0.6, "generator": "Overpass API 0.7.62.11", "osm3s": {"timestamp_osm_base": "2026-04-08T05:58:00Z"},
     "elements": [
      {"type": "node", "id": 1, "lat": 43.8700000, "lon": 77.0600000},
      {"type": "node", "id": 2, "lat": 43.8700000, "lon": 77.0612000},
      {"type": "node", "id": 3, "lat": 43.8700000, "lon": 77.0625000, "tags": {"amenity": "hospital", "name": "Поликлиника №1"}},
      {"type": "node", "id": 4, "lat": 43.8709000, "lon": 77.0612000},
      {"type": "node", "id": 5, "lat": 43.8709000, "lon": 77.0625000},
      {"type": "node", "id": 6, "lat": 43.8714000, "lon": 77.0618000},
      {"type": "way", "id": 10, "nodes": [1, 2, 3], "tags": {"highway": "residential", "oneway": "yes", "name": "Абай даңғылы"}},
      {"type": "way", "id": 11, "nodes": [2, 4, 5], "tags": {"highway": "footway"}},
      {"type": "way", "id": 12, "nodes": [3, 5], "tags": {"highway": "steps"}},
      {"type": "way", "id": 13, "nodes": [4, 6, 5, 4], "tags": {"building": "school", "amenity": "school", "name": "№3 мектеп"}},
      {"type": "relation", "id": 20, "members": [{"type": "way", "ref": 10, "role": ""}], "tags": {"type": "route"}}
     ]}
    """
    static let xml = """
    <?xml version="1.0" encoding="UTF-8"?>
    <osm version="0.6">
      <node id="1" lat="43.8700000" lon="77.0600000"/>
      <node id="2" lat="43.8700000" lon="77.0612000"/>
      <node id="3" lat="43.8700000" lon="77.0625000"><tag k="amenity" v="hospital"/><tag k="name" v="Поликлиника №1"/></node>
      <node id="4" lat="43.8709000" lon="77.0612000"/>
      <node id="5" lat="43.8709000" lon="77.0625000"/>
      <node id="6" lat="43.8714000" lon="77.0618000"/>
      <way id="10"><nd ref="1"/><nd ref="2"/><nd ref="3"/><tag k="highway" v="residential"/><tag k="oneway" v="yes"/><tag k="name" v="Абай даңғылы"/></way>
      <way id="11"><nd ref="2"/><nd ref="4"/><nd ref="5"/><tag k="highway" v="footway"/></way>
      <way id="12"><nd ref="3"/><nd ref="5"/><tag k="highway" v="steps"/></way>
      <way id="13"><nd ref="4"/><nd ref="6"/><nd ref="5"/><nd ref="4"/><tag k="building" v="school"/><tag k="amenity" v="school"/><tag k="name" v="№3 мектеп"/></way>
      <relation id="20"><member type="way" ref="10" role=""/><tag k="type" v="route"/></relation>
    </osm>
    """

    @Test func overpassAndXMLOfTheSameTownGiveTheSameGraphAndRoutes() throws {
        let reader = try OverpassJSONReader(data: Data(Self.overpass.utf8), sourceName: "town.json")
        #expect(reader.skippedRelations == 1)
        let xmlURL = try temporaryFile(Array(Self.xml.utf8), suffix: ".osm")
        defer { try? FileManager.default.removeItem(at: xmlURL) }
        let fromJSON = try NetworkImporter.importNetwork(from: reader)
        let fromXML = try NetworkImporter.importNetwork(from: OSMXMLReader(url: xmlURL))
        let a = fromJSON.graph, b = fromXML.graph
        #expect(a.vertexCount == 4 && a.edgeCount == 4)  // 1, 2, 3 and 5; node 4 is a bend of the footway
        // The same arrays, in the same order: both readers hand out the elements as written.
        #expect(a.vertexSourceID == b.vertexSourceID && a.edgeFrom == b.edgeFrom && a.edgeTo == b.edgeTo)
        #expect(a.edgeLength == b.edgeLength && a.forwardCost == b.forwardCost && a.backwardCost == b.backwardCost)
        GraphComparison.expectSame(a, b)
        #expect(fromJSON.facilities == fromXML.facilities)
        #expect(fromJSON.facilities.map(\.kind).sorted() == ["polyclinic", "school"])
        #expect(fromJSON.report == fromXML.report)
        let vertices = (0..<a.vertexCount).map(a.coordinate(ofVertex:))
        let pairs = vertices.flatMap { from in vertices.map { (from, $0) } }
        let reached = GraphComparison.expectSameRoutes(a, b, pairs: pairs, modes: [.walk, .drive, .wheelchair])
        #expect(reached > pairs.count)  // walking reaches every pair; driving and wheelchairs some
    }

    @Test func tagsAndPositionsAreReadAsWritten() throws {
        let reader = try OverpassJSONReader(data: Data(Self.overpass.utf8), sourceName: "town.json")
        var nodes: [OSMNode] = [], ways: [OSMWay] = []
        try reader.forEachNode(wantTags: true) { nodes.append($0) }
        try reader.forEachWay { ways.append($0) }
        #expect(nodes.map(\.id) == [1, 2, 3, 4, 5, 6] && ways.map(\.id) == [10, 11, 12, 13])
        #expect(nodes[2].coordinate == Coordinate(lon: 77.0625, lat: 43.87))
        #expect(nodes[2].tags == ["amenity": "hospital", "name": "Поликлиника №1"])
        #expect(ways[3].nodeIDs == [4, 6, 5, 4] && ways[0].tags["name"] == "Абай даңғылы")
    }

    static func readError(_ json: String) -> OSMReadError? {
        do {
            _ = try OverpassJSONReader(data: Data(json.utf8), sourceName: "bad.json")
            return nil
        } catch {
            return error as? OSMReadError
        }
    }

    @Test func aBrokenElementIsNamedByIndexIdAndField() throws {
        // Seventeen good nodes, then way 123 whose fifth node reference is text.
        let nodes = (0..<17).map { #"{"type":"node","id":\#($0 + 1),"lat":43.87,"lon":77.0\#($0)}"# }
        let way = #"{"type":"way","id":123,"nodes":[1,2,3,4,"5",6],"tags":{"highway":"footway"}}"#
        let json = #"{"elements":[\#((nodes + [way]).joined(separator: ","))]}"#
        #expect(Self.readError(json)?.description == "bad.json: element 17 (way 123): nodes[4] is not an integer")
    }

    @Test(arguments: [
        (#"{"elements":[{"type":"node","id":1,"lat":43,"lon":76},"node"]}"#, "element 1", "not a JSON object"),
        (#"{"elements":[{"type":"node","id":5,"lon":76.9}]}"#, "element 0 (node 5)", "lat and lon"),
        (#"{"elements":[{"type":"node","id":5,"lat":"43.2","lon":76.9}]}"#, "element 0 (node 5)", "lat and lon"),
        (#"{"elements":[{"type":"node","id":5,"lat":143.2,"lon":76.9}]}"#, "element 0 (node 5)", "not a WGS 84 position"),
        (#"{"elements":[{"type":"way","id":7,"nodes":[1,2.5]}]}"#, "element 0 (way 7)", "nodes[1] is not an integer"),
        (#"{"elements":[{"type":"way","id":7}]}"#, "element 0 (way 7)", "nodes is missing"),
        (#"{"elements":[{"type":"way","nodes":[1,2]}]}"#, "element 0 (way)", "id is missing or not an integer"),
        (#"{"elements":[{"type":"node","id":1,"lat":43,"lon":76,"tags":{"name":7}}]}"#, "element 0 (node 1)", #"tags["name"] is not a text"#),
        (#"{"elements":[{"type":"node","id":1,"lat":43,"lon":76,"tags":["amenity"]}]}"#, "element 0 (node 1)", "tags is not an object"),
        (#"{"elements":[{"type":"area","id":3600000001}]}"#, "element 0", #"unknown type "area""#),
        (#"{"elements":[{"id":1,"lat":43,"lon":76}]}"#, "element 0", #"no "type""#),
        (#"{"version":0.6,"osm3s":{}}"#, "document", #"no top-level "elements" array"#),
        (#"[{"type":"node","id":1,"lat":43,"lon":76}]"#, "document", #"no top-level "elements" array"#),
        (#"{"elements":[],"remark":"runtime error: Query timed out in \"query\" at line 3 after 26 seconds."}"#, "document", "incomplete"),
        ("{\"elements\":[\n{\"type\":\"node\",}\n]}", "line 2, column 16", "not valid JSON"),
    ])
    func brokenElementsAreLocated(json: String, location: String, message: String) {
        let error = Self.readError(json)
        #expect(error?.location == location && error?.message.contains(message) == true, "\(error.map(String.init(describing:)) ?? "no error")")
    }

    @Test func overpassIsToldFromGeoJSONByTheStartOfTheFile() throws {
        let detect = { (text: String) in OverpassJSONDetection.hasTopLevelElementsArray(Array(text.utf8)) }
        #expect(detect(Self.overpass))
        #expect(detect("\u{FEFF}  {\"elements\" : [ ]}"))
        #expect(detect(#"{"note":"a \"quoted\" } brace","elements":[]}"#))
        #expect(!detect(#"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"elements":[1]}}]}"#))
        #expect(!detect(#"{"type":"FeatureCollection","name":"elements","features":[]}"#))
        #expect(!detect(#"[{"elements":[]}]"#))
        #expect(!detect(#"{"elements":{}}"#))

        let dir = FileManager.default.temporaryDirectory
        let overpassURL = dir.appendingPathComponent("qadam-net-\(UUID().uuidString).json")
        let geoJSONURL = dir.appendingPathComponent("qadam-net-\(UUID().uuidString).json")
        defer { [overpassURL, geoJSONURL].forEach { try? FileManager.default.removeItem(at: $0) } }
        try Data(Self.overpass.utf8).write(to: overpassURL)
        try Data(#"{"type":"FeatureCollection","features":[]}"#.utf8).write(to: geoJSONURL)
        #expect(try NetworkImporter.source(for: overpassURL) is OverpassJSONReader)
        #expect(try NetworkImporter.source(for: geoJSONURL) is GeoJSONLineSource)
        #expect(!OverpassJSONDetection.isOverpassJSON(fileAt: dir.appendingPathComponent("qadam-net-missing.json")))
    }
}
