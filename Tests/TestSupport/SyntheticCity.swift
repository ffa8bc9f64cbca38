import Foundation
import QadamGeo
import QadamNetwork
import QadamContract

/// A deterministic synthetic city: a perturbed street grid with main roads, one-way streets,
/// footpaths, steps, unpaved lanes and missing segments that make blocks and dead ends.
/// Tests and benchmarks use it where real data would be too small or too slow to fetch.
public struct SyntheticCity: Sendable {
    public var rows: Int
    public var columns: Int
    public var seed: UInt64
    /// Grid spacing before jitter.
    public var spacingMetres: Double = 110
    /// South-west corner (default: central Almaty).
    public var origin = Coordinate(lon: 76.88, lat: 43.22)
    /// Share of grid segments left out.
    public var missingShare = 0.08

    public init(rows: Int, columns: Int, seed: UInt64) {
        self.rows = rows; self.columns = columns; self.seed = seed
    }

    /// A roughly square city of about `vertices` grid intersections (10k to 1M intended).
    public init(approximateVertices vertices: Int, seed: UInt64) {
        let side = max(2, Int(Double(vertices).squareRoot().rounded()))
        self.init(rows: side, columns: side, seed: seed)
    }

    /// The streets of the city: node positions (node id = index + 1), and each street as
    /// node ids plus an index into a small table of tag sets (few distinct sets, so access
    /// rules run once per set, not once per street, even for a million-node city).
    func streets() -> (nodes: [Coordinate], streets: [(refs: [Int64], style: Int)], styles: [[String: String]]) {
        var rng = SplitMix64(seed: seed)
        let plane = LocalPlane(referenceLatitude: origin.lat)
        var nodes: [Coordinate] = []
        nodes.reserveCapacity(rows * columns * 5 / 4)
        let jitter = spacingMetres * 0.25
        for r in 0..<rows {
            for c in 0..<columns {
                let x = Double(c) * spacingMetres + Double.random(in: -jitter...jitter, using: &rng)
                let y = Double(r) * spacingMetres + Double.random(in: -jitter...jitter, using: &rng)
                nodes.append(Coordinate(lon: origin.lon + x / plane.metresPerDegreeLon, lat: origin.lat + y / plane.metresPerDegreeLat))
            }
        }
        var styles: [[String: String]] = []
        var styleIndex: [[String: String]: Int] = [:]
        var streets: [(refs: [Int64], style: Int)] = []
        func street(_ line: Int, _ a: Int64, _ b: Int64, horizontal: Bool) {
            guard Double.random(in: 0..<1, using: &rng) >= missingShare else { return }
            var tags: [String: String]
            switch line % 8 {
            case 0: tags = ["highway": "primary", "maxspeed": "60"]
            case 4: tags = ["highway": "secondary"]
            default: tags = ["highway": "residential"]
            }
            let roll = Double.random(in: 0..<1, using: &rng)
            if tags["highway"] == "residential" {
                if roll < 0.06 { tags = ["highway": "footway"] }
                else if roll < 0.08 { tags = ["highway": "steps"] }
                else if roll < 0.13 { tags["surface"] = "unpaved" }
                else if roll < 0.16 { tags["surface"] = "sett" }
                else if line % 3 == 1 { tags["oneway"] = line % 2 == 0 ? "yes" : "-1" }
            }
            var refs = [a, b]
            // Some streets bend: a shape point between the two intersections.
            if Double.random(in: 0..<1, using: &rng) < 0.3 {
                let pa = nodes[Int(a) - 1], pb = nodes[Int(b) - 1]
                let bend = Double.random(in: -0.15...0.15, using: &rng) * spacingMetres
                nodes.append(Coordinate(lon: (pa.lon + pb.lon) / 2 + (horizontal ? 0 : bend / plane.metresPerDegreeLon),
                                        lat: (pa.lat + pb.lat) / 2 + (horizontal ? bend / plane.metresPerDegreeLat : 0)))
                refs.insert(Int64(nodes.count), at: 1)
            }
            let style = styleIndex[tags] ?? { styles.append(tags); styleIndex[tags] = styles.count - 1; return styles.count - 1 }()
            streets.append((refs, style))
        }
        for r in 0..<rows {
            for c in 0..<columns {
                let id = Int64(r * columns + c + 1)
                if c + 1 < columns { street(r, id, id + 1, horizontal: true) }
                if r + 1 < rows { street(c, id, id + Int64(columns), horizontal: false) }
            }
        }
        return (nodes, streets, styles)
    }

    /// The compiled graph of the city.
    public func graph() -> StreetGraph {
        let (nodes, streets, styles) = streets()
        let access = styles.map { WayAccess(tags: $0) }
        var builder = StreetGraphBuilder()
        for street in streets {
            guard let access = access[street.style] else { continue }
            builder.addWay(nodes: street.refs.map { ($0, nodes[Int($0) - 1]) }, access: access)
        }
        return builder.build()
    }

    /// The city as OSM nodes and ways, for exercising the import path on the same streets.
    public func elementSource() -> OSMElementSource {
        let (nodes, streets, styles) = streets()
        return SyntheticElements(
            nodes: nodes.enumerated().map { OSMNode(id: Int64($0.offset + 1), coordinate: $0.element) },
            ways: streets.enumerated().map { OSMWay(id: Int64($0.offset + 1), nodeIDs: $0.element.refs, tags: styles[$0.element.style]) })
    }

    /// The city's bounding box, for placing random points.
    public var boundingBox: BoundingBox {
        let plane = LocalPlane(referenceLatitude: origin.lat)
        let width = Double(columns - 1) * spacingMetres, height = Double(rows - 1) * spacingMetres
        return BoundingBox(minX: origin.lon, minY: origin.lat,
                           maxX: origin.lon + width / plane.metresPerDegreeLon,
                           maxY: origin.lat + height / plane.metresPerDegreeLat)
    }
}

/// A synthetic city's elements held in memory.
private struct SyntheticElements: OSMElementSource {
    let nodes: [OSMNode]
    let ways: [OSMWay]
    var sourceName: String { "synthetic city" }
    func forEachWay(_ body: (OSMWay) throws -> Void) throws { try ways.forEach(body) }
    func forEachNode(wantTags: Bool, _ body: (OSMNode) throws -> Void) throws { try nodes.forEach(body) }
}
