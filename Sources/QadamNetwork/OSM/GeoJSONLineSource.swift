import Foundation
import QadamGeo
import QadamContract

/// A GeoJSON FeatureCollection of LineString / MultiLineString features seen as OSM ways.
///
/// Properties become tags (numbers as text, booleans as `true`/`false`); lines join where they share an
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
        let root: JSONValue
        do { root = try JSONParser.parse(data, allowNonFinite: false) } catch {
            throw fail("document", "not valid JSON: \(error)")
        }
        guard root["type"] == "FeatureCollection", let features = root["features"]?.arrayValue else {
            throw fail("document", "expected a GeoJSON FeatureCollection")
        }
        for (index, feature) in features.enumerated() {
            let location = "feature \(index)"
            guard let geometry = feature["geometry"], let type = geometry["type"]?.stringValue else {
                throw fail(location, "feature without a geometry")
            }
            let parts: [JSONValue]
            switch type {
            case "LineString": parts = [geometry["coordinates"] ?? .null]
            case "MultiLineString": parts = geometry["coordinates"]?.arrayValue ?? []
            default: throw fail(location, "geometry type \(type) is not a LineString or MultiLineString")
            }
            var tags: [String: String] = [:]
            for (key, value) in feature["properties"]?.objectValue ?? [:] {
                if let text = value.scalarText { tags[key] = text }
            }
            for (part, line) in parts.enumerated() {
                guard let positions = line.arrayValue else {
                    throw fail("\(location) part \(part)", "a line needs at least two [lon, lat] positions")
                }
                var coordinates: [Coordinate] = []
                coordinates.reserveCapacity(positions.count)
                for (i, position) in positions.enumerated() {
                    guard let pair = position.arrayValue, pair.count >= 2, let lon = pair[0].doubleValue, let lat = pair[1].doubleValue else {
                        throw fail("\(location) position \(i)", "position needs [lon, lat]")
                    }
                    coordinates.append(Coordinate(lon: lon, lat: lat))
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
