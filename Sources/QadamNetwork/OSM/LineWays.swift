import QadamGeo
import QadamContract

/// Lines with tags, seen as OSM ways and nodes: the common ground of GeoJSON line layers and
/// networks stored in a dataset.
///
/// A line with node ids keeps them, so it joins other lines exactly at shared ids. A line
/// without ids joins others where they share an exact position: each distinct position gets
/// one synthetic negative node id. `highway` defaults to `footway`, so a plain layer of paths
/// is walkable.
struct LineWays: OSMElementSource {
    let sourceName: String
    private var ways: [OSMWay] = []
    private var nodes: [OSMNode] = []
    private var knownIDs: Set<Int64> = []
    private var positionIDs: [Coordinate: Int64] = [:]

    init(sourceName: String) {
        self.sourceName = sourceName
    }

    mutating func add(coordinates: [Coordinate], nodeIDs: [Int64]?, tags: [String: String], location: String) throws {
        guard coordinates.count >= 2 else {
            throw OSMReadError(source: sourceName, location: location, message: "a line needs at least two [lon, lat] positions")
        }
        var refs: [Int64] = []
        for (i, c) in coordinates.enumerated() {
            guard c.isValidWGS84 else {
                throw OSMReadError(source: sourceName, location: "\(location) position \(i)", message: "\(c) is not a WGS 84 [lon, lat]")
            }
            if let nodeIDs {
                let id = nodeIDs[i]
                if knownIDs.insert(id).inserted { nodes.append(OSMNode(id: id, coordinate: c)) }
                refs.append(id)
            } else if let id = positionIDs[c] {
                refs.append(id)
            } else {
                let id = -Int64(positionIDs.count + 1)
                positionIDs[c] = id
                nodes.append(OSMNode(id: id, coordinate: c))
                refs.append(id)
            }
        }
        var tags = tags
        if tags["highway"] == nil { tags["highway"] = "footway" }
        ways.append(OSMWay(id: -Int64(ways.count + 1), nodeIDs: refs, tags: tags))
    }

    func forEachWay(_ body: (OSMWay) throws -> Void) throws { try ways.forEach(body) }
    func forEachNode(wantTags: Bool, _ body: (OSMNode) throws -> Void) throws { try nodes.forEach(body) }
}
