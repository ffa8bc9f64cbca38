import Foundation
import QadamData
import QadamGeo
import QadamContract

/// One street way as kept by an import: a run of nodes (ids and positions) and its tags. A way cut by clipping or a missing node gives several runs with one id.
public struct StreetWay: Sendable, Equatable {
    public var id: Int64
    public var nodes: [(id: Int64, coordinate: Coordinate)]
    public var tags: [String: String]

    public init(id: Int64, nodes: [(id: Int64, coordinate: Coordinate)], tags: [String: String]) {
        self.id = id; self.nodes = nodes; self.tags = tags
    }

    public static func == (a: StreetWay, b: StreetWay) -> Bool {
        a.id == b.id && a.tags == b.tags && a.nodes.count == b.nodes.count
            && zip(a.nodes, b.nodes).allSatisfy { $0.id == $1.id && $0.coordinate == $1.coordinate }
    }
}

/// How a street network lives in a dataset's `network` layer, and back.
///
/// Each kept way run is one LineString feature whose properties are its tags plus `nodes`, the
/// OSM node ids of its positions. Keeping the ids (not just coordinates) means the graph
/// rebuilt from the dataset joins ways exactly where the source did, so it is the same graph
/// the import built.
public enum StoredNetwork {
    /// Features for `DatasetStore.replaceLayer(.network, ...)`; ids are `way/ID` (`way/ID#k`
    /// for the k-th further run of a cut way).
    public static func features(_ ways: [StreetWay]) throws -> [Feature] {
        var runs: [Int64: Int] = [:]
        return try ways.map { way in
            let k = runs[way.id, default: 0]
            runs[way.id] = k + 1
            var properties: [String: JSONValue] = way.tags.mapValues { .string($0) }
            properties["nodes"] = .array(way.nodes.map { .int($0.id) })
            return Feature(id: k == 0 ? "way/\(way.id)" : "way/\(way.id)#\(k)",
                           geometry: try Geometry.lineString(way.nodes.map(\.coordinate)),
                           properties: properties)
        }
    }

    /// The network layer's features seen as OSM ways and nodes, for `NetworkImporter`.
    /// Features without usable `nodes` ids (e.g. a GeoJSON line layer imported as `network`)
    /// join where they share an exact position, as `GeoJSONLineSource` does.
    public static func source(_ features: [Feature], name: String) throws -> OSMElementSource {
        var lines = LineWays(sourceName: name)
        for (index, feature) in features.enumerated() {
            var tags: [String: String] = [:]
            for (key, value) in feature.properties where key != "nodes" {
                if let text = value.scalarText { tags[key] = text }
            }
            let ids = feature.properties["nodes"]?.arrayValue?.compactMap(\.intValue)
            for (part, line) in feature.geometry.parts.enumerated() {
                let coordinates = line.coordinates
                let location = "feature \(index + 1) (\(feature.id)) part \(part + 1)"
                if let ids, ids.count == coordinates.count, feature.geometry.parts.count == 1 {
                    try lines.add(coordinates: coordinates, nodeIDs: ids, tags: tags, location: location)
                } else {
                    try lines.add(coordinates: coordinates, nodeIDs: nil, tags: tags, location: location)
                }
            }
        }
        return lines
    }
}
