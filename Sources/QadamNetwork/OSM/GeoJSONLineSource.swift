import Foundation
import QadamGeo

/// A GeoJSON FeatureCollection of LineString / MultiLineString features seen as OSM ways.
///
/// Properties become tags (numbers and booleans as text), `highway` defaults to `footway`
/// so a plain layer of paths is walkable. Lines connect where they share an exact
/// coordinate: each distinct position gets one synthetic negative node id. The file is
/// parsed once at init (GeoJSON layers for networks are small next to OSM extracts).
public struct GeoJSONLineSource: OSMElementSource {
    public let sourceName: String
    private var ways: [OSMWay] = []
    private var nodes: [OSMNode] = []

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
        let root: Any
        do { root = try JSONSerialization.jsonObject(with: data) } catch {
            throw fail("document", "not valid JSON: \(error.localizedDescription)")
        }
        guard let collection = root as? [String: Any], collection["type"] as? String == "FeatureCollection",
              let features = collection["features"] as? [Any] else {
            throw fail("document", "expected a GeoJSON FeatureCollection")
        }
        var nodeIDs: [Coordinate: Int64] = [:]
        for (index, item) in features.enumerated() {
            let location = "feature \(index)"
            guard let feature = item as? [String: Any], let geometry = feature["geometry"] as? [String: Any],
                  let type = geometry["type"] as? String else {
                throw fail(location, "feature without a geometry")
            }
            let lines: [Any]
            switch type {
            case "LineString": lines = [geometry["coordinates"] as Any]
            case "MultiLineString": lines = geometry["coordinates"] as? [Any] ?? []
            default: throw fail(location, "geometry type \(type) is not a LineString or MultiLineString")
            }
            var tags: [String: String] = ["highway": "footway"]
            for (key, value) in feature["properties"] as? [String: Any] ?? [:] {
                switch value {
                case let text as String: tags[key] = text
                case let number as NSNumber: tags[key] = number.stringValue
                default: break
                }
            }
            for (part, line) in lines.enumerated() {
                guard let positions = line as? [[Double]], positions.count >= 2 else {
                    throw fail("\(location) part \(part)", "a line needs at least two [lon, lat] positions")
                }
                var refs: [Int64] = []
                for (i, position) in positions.enumerated() {
                    guard position.count >= 2 else { throw fail("\(location) position \(i)", "position needs [lon, lat]") }
                    let c = Coordinate(lon: position[0], lat: position[1])
                    guard c.isValidWGS84 else { throw fail("\(location) position \(i)", "\(c) is not a WGS 84 [lon, lat]") }
                    if let id = nodeIDs[c] {
                        refs.append(id)
                    } else {
                        let id = -Int64(nodeIDs.count + 1)
                        nodeIDs[c] = id
                        nodes.append(OSMNode(id: id, coordinate: c))
                        refs.append(id)
                    }
                }
                ways.append(OSMWay(id: -Int64(ways.count + 1), nodeIDs: refs, tags: tags))
            }
        }
    }

    public func forEachWay(_ body: (OSMWay) throws -> Void) throws { try ways.forEach(body) }
    public func forEachNode(wantTags: Bool, _ body: (OSMNode) throws -> Void) throws { try nodes.forEach(body) }
}
