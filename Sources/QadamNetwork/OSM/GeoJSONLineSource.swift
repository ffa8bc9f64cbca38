import Foundation
import QadamGeo

/// A GeoJSON FeatureCollection of LineString / MultiLineString features seen as OSM ways.
///
/// Properties become tags (numbers and booleans as text); lines join where they share an
/// exact coordinate and `highway` defaults to `footway` (see `LineWays`). The file is parsed
/// once at init (GeoJSON layers for networks are small next to OSM extracts).
public struct GeoJSONLineSource: OSMElementSource {
    public var sourceName: String { lines.sourceName }
    private var lines: LineWays

    public init(url: URL) throws {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw OSMReadError(source: url.path, location: "open", message: error.localizedDescription)
        }
        try self.init(data: data, sourceName: url.path)
    }

    public init(data: Data, sourceName: String) throws {
        lines = LineWays(sourceName: sourceName)
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
        for (index, item) in features.enumerated() {
            let location = "feature \(index)"
            guard let feature = item as? [String: Any], let geometry = feature["geometry"] as? [String: Any],
                  let type = geometry["type"] as? String else {
                throw fail(location, "feature without a geometry")
            }
            let parts: [Any]
            switch type {
            case "LineString": parts = [geometry["coordinates"] as Any]
            case "MultiLineString": parts = geometry["coordinates"] as? [Any] ?? []
            default: throw fail(location, "geometry type \(type) is not a LineString or MultiLineString")
            }
            var tags: [String: String] = [:]
            for (key, value) in feature["properties"] as? [String: Any] ?? [:] {
                switch value {
                case let text as String: tags[key] = text
                case let number as NSNumber: tags[key] = number.stringValue
                default: break
                }
            }
            for (part, line) in parts.enumerated() {
                guard let positions = line as? [[Double]] else {
                    throw fail("\(location) part \(part)", "a line needs at least two [lon, lat] positions")
                }
                var coordinates: [Coordinate] = []
                for (i, position) in positions.enumerated() {
                    guard position.count >= 2 else { throw fail("\(location) position \(i)", "position needs [lon, lat]") }
                    coordinates.append(Coordinate(lon: position[0], lat: position[1]))
                }
                try lines.add(coordinates: coordinates, nodeIDs: nil, tags: tags, location: "\(location) part \(part)")
            }
        }
    }

    public func forEachWay(_ body: (OSMWay) throws -> Void) throws { try lines.forEachWay(body) }
    public func forEachNode(wantTags: Bool, _ body: (OSMNode) throws -> Void) throws {
        try lines.forEachNode(wantTags: wantTags, body)
    }
}
