import Foundation
import QadamData
import QadamGeo
import QadamContract

/// Nodes and ways of an Overpass API JSON answer (`[out:json]`), the format overpass-turbo
/// exports and osmnx caches:
/// `{"version": 0.6, "osm3s": {...}, "elements": [{"type": "node", "id": 1, "lat": .., "lon": .., "tags": {..}},
/// {"type": "way", "id": 2, "nodes": [1, ..], "tags": {..}}, {"type": "relation", ..}]}`.
///
/// The document is parsed once, at init, with `JSONParser` (so a syntax error names its line
/// and column), and every element is checked there: a broken element fails before the importer
/// has read anything, and the error names the element's index in `elements`, its type and id
/// and the field. Relations are skipped and counted, as the other readers skip them. Overpass
/// answers are small next to PBF extracts, so the decoded elements are held in memory.
public struct OverpassJSONReader: OSMElementSource {
    public let sourceName: String
    /// Relations in the answer; the importer reads no relations from any format.
    public private(set) var skippedRelations = 0
    private var nodes: [OSMNode] = []
    private var ways: [OSMWay] = []

    private enum ElementType: String {
        case node, way, relation
    }

    public init(url: URL) throws {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw OSMReadError(source: url.path, location: "open", message: error.localizedDescription)
        }
        try self.init(data: data, sourceName: url.path)
    }

    public init(data: Data, sourceName: String) throws {
        self.sourceName = sourceName
        func fail(_ location: String, _ message: String) -> OSMReadError {
            OSMReadError(source: sourceName, location: location, message: message)
        }
        let root: JSONValue
        do { root = try JSONParser.parse(data) } catch {
            throw fail("line \(error.line), column \(error.column)", "not valid JSON: \(error.message)")
        }
        guard let elements = root["elements"]?.arrayValue else {
            throw fail("document", "no top-level \"elements\" array: not an Overpass API JSON answer")
        }
        // Overpass reports a timeout or memory exhaustion in `remark` and still answers with the
        // elements found so far: a network silently missing its far half.
        if let remark = root["remark"]?.stringValue {
            throw fail("document", "the answer is incomplete, Overpass says: \(remark)")
        }
        for (index, element) in elements.enumerated() {
            guard let object = element.objectValue else { throw fail("element \(index)", "not a JSON object") }
            guard let typeText = object["type"]?.stringValue else { throw fail("element \(index)", "no \"type\" text") }
            guard let type = ElementType(rawValue: typeText) else {
                throw fail("element \(index)", "unknown type \"\(typeText)\" (expected node, way or relation)")
            }
            if type == .relation {
                skippedRelations += 1
                continue
            }
            guard let id = object["id"].flatMap(Self.integer) else {
                throw fail("element \(index) (\(type))", "id is missing or not an integer")
            }
            let location = "element \(index) (\(type) \(id))"
            let tags = try Self.tags(object["tags"]) { fail(location, $0) }
            if type == .node {
                guard let lat = object["lat"]?.doubleValue, let lon = object["lon"]?.doubleValue else {
                    throw fail(location, "lat and lon must both be numbers (a node needs its position)")
                }
                let coordinate = Coordinate(lon: lon, lat: lat)
                guard coordinate.isValidWGS84 else { throw fail(location, "lat \(lat), lon \(lon) is not a WGS 84 position") }
                nodes.append(OSMNode(id: id, coordinate: coordinate, tags: tags))
            } else {
                guard let refs = object["nodes"]?.arrayValue else { throw fail(location, "nodes is missing or not an array") }
                var nodeIDs: [Int64] = []
                nodeIDs.reserveCapacity(refs.count)
                for (k, ref) in refs.enumerated() {
                    guard let ref = Self.integer(ref) else { throw fail(location, "nodes[\(k)] is not an integer") }
                    nodeIDs.append(ref)
                }
                ways.append(OSMWay(id: id, nodeIDs: nodeIDs, tags: tags))
            }
        }
    }

    public func forEachWay(_ body: (OSMWay) throws -> Void) throws { try ways.forEach(body) }
    public func forEachNode(wantTags: Bool, _ body: (OSMNode) throws -> Void) throws { try nodes.forEach(body) }

    /// A JSON number that is an exact integer: OSM ids stay far below 2^53, where doubles are exact.
    private static func integer(_ value: JSONValue) -> Int64? {
        guard let d = value.doubleValue, d == d.rounded(), abs(d) < 9_007_199_254_740_992 else { return nil }
        return Int64(d)
    }

    /// `tags` is absent for untagged elements; when present, an object of texts.
    private static func tags(_ value: JSONValue?, fail: (String) -> OSMReadError) throws -> [String: String] {
        guard let value else { return [:] }
        guard let object = value.objectValue else { throw fail("tags is not an object") }
        var tags: [String: String] = [:]
        for (key, text) in object {
            guard let text = text.stringValue else { throw fail("tags[\"\(key)\"] is not a text") }
            tags[key] = text
        }
        return tags
    }
}
