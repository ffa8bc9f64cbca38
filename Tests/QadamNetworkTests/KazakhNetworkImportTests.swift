import Foundation
import QadamData
import QadamGeo
@testable import QadamNetwork
import TestSupport
import Testing
import QadamContract

/// The two Kazakh street networks in ../shared/geodata: Almaty's 2012 PBF and Konaev's 2026
/// Overpass walk download, each on its own, together, and through the facility name rules.
@Suite("Kazakh OSM networks", .enabled(if: SharedGeodata.shouldRun, SharedGeodata.skipReason))
struct KazakhNetworkImportTests {
    static let almaty = SharedGeodata.file("networks-kz/almaty_osm_2012.osm.pbf")
    static let konaev = SharedGeodata.file("networks-kz/konaev_walk_overpass_2026-04-08.json")
    /// Almaty's extract has way-node references outside it; Konaev's has none, so cutting is
    /// harmless there.
    static var cut: NetworkImportOptions { NetworkImportOptions(missingNodes: .cutWay) }
    /// The town of Konaev itself; the file's tile reaches far into the steppe around it.
    static let konaevTown = BoundingBox(minX: 77.00, minY: 43.82, maxX: 77.11, maxY: 43.91)
    static let almatyCentre = BoundingBox(minX: 76.85, minY: 43.20, maxX: 77.00, maxY: 43.30)

    @Test func konaevOverpassFileImportsAndMatchesTheSameElementsAsXML() throws {
        let reader = try OverpassJSONReader(url: Self.konaev)
        var nodes = 0
        try reader.forEachNode(wantTags: false) { _ in nodes += 1 }
        #expect(nodes == 28135 && reader.skippedRelations == 0)
        // Every referenced node is in the file, so the strict default accepts it.
        let imported = try NetworkImporter.importNetwork(from: reader)
        let g = imported.graph
        let walkKm = g.totalLength(usableBy: .walk) / 1000
        print("Konaev: \(g.vertexCount) vertices, \(g.edgeCount) edges, walk \(walkKm) km, drive \(g.totalLength(usableBy: .drive) / 1000) km, \(imported.report)")
        // Three of the highway ways are private or areas, which no profile uses.
        #expect(imported.report.waysRead == 2545 && imported.report.streetWaysKept == 2542)
        #expect(imported.report.missingNodeReferences == 0)
        #expect(g.vertexCount > 4000 && g.vertexCount < 5500)
        #expect(walkKm > 1800 && walkKm < 2300)  // the town's 338 km and the tracks of a 40 x 65 km tile
        #expect(g.largestComponentSize(.walk) > g.vertexCount * 9 / 10)
        #expect(imported.facilities.isEmpty)  // a walk-network download: highway ways only

        let xml = try temporaryFile(Array(try OSMXMLTestWriter.xml(from: reader).utf8), suffix: ".osm")
        defer { try? FileManager.default.removeItem(at: xml) }
        let fromXML = try NetworkImporter.importNetwork(from: OSMXMLReader(url: xml))
        GraphComparison.expectSame(g, fromXML.graph)
        #expect(imported.report == fromXML.report)
        let pairs = GraphComparison.vertexPairs(g, count: 20, seed: 2026) { Self.konaevTown.contains($0) }
        let reached = GraphComparison.expectSameRoutes(g, fromXML.graph, pairs: pairs)
        #expect(reached >= 30)  // of 40: every walk, most drives (footways and tracks are not for cars)
    }

    /// The two files share no node or way, but one Almaty way reaches into Konaev's file: the
    /// 2012 Kapshagay road (way 89405825, primary) leaves Almaty's extract, and 2 of its 14
    /// nodes beyond the edge lie in Konaev's tile. Together, that piece is found and joins
    /// Konaev's road there; without that way, the network is exactly the two side by side.
    @Test func almatyAndKonaevImportedTogetherAreTheSumOfEach() throws {
        let almaty = try NetworkImporter.importNetwork(from: PBFFileReader(url: Self.almaty), options: Self.cut)
        let konaev = try NetworkImporter.importNetwork(from: OverpassJSONReader(url: Self.konaev), options: Self.cut)
        let source = try NetworkImporter.source(for: [Self.almaty, Self.konaev])
        #expect(source.sourceName == Self.almaty.path + " + " + Self.konaev.path)
        let both = try NetworkImporter.importNetwork(from: source, options: Self.cut)
        let a = almaty.graph, k = konaev.graph, g = both.graph
        print("Almaty: \(a.vertexCount) vertices, \(a.edgeCount) edges, \(almaty.report); together: \(g.vertexCount), \(g.edgeCount), \(both.report)")
        #expect(both.report.waysRead == almaty.report.waysRead + konaev.report.waysRead)
        #expect(both.report.nodesKept == almaty.report.nodesKept + konaev.report.nodesKept)
        #expect(almaty.report.missingNodeReferences == 652 && both.report.missingNodeReferences == 650)
        #expect(both.facilities.count == almaty.facilities.count + konaev.facilities.count)
        // The found piece: one edge between the two nodes, which splits a Konaev edge at one of them.
        #expect(g.vertexCount == a.vertexCount + k.vertexCount + 1 && g.edgeCount == a.edgeCount + k.edgeCount + 2)
        let joined = GraphComparison.edges(g).filter { Set([$0.key.from, $0.key.to]) == [345603869, 297397217] }
        #expect(joined.count == 2)  // Konaev's own secondary road and the 2012 primary piece

        let kapshagayRoad: Int64 = 89405825
        let almatyWithout = WithoutWay(base: PBFFileReader(url: Self.almaty), wayID: kapshagayRoad)
        let apart = try NetworkImporter.importNetwork(from: almatyWithout, options: Self.cut).graph
        let together = try NetworkImporter.importNetwork(
            from: CombinedOSMSource([almatyWithout, OverpassJSONReader(url: Self.konaev)]), options: Self.cut).graph
        #expect(together.vertexCount == apart.vertexCount + k.vertexCount && together.edgeCount == apart.edgeCount + k.edgeCount)
        #expect(GraphComparison.edges(together) == GraphComparison.edges(apart).merging(GraphComparison.edges(k), uniquingKeysWith: +))

        // Routes inside each city are the single-file routes, to rounding. The pairs are
        // vertices; for driving only those on a drivable street: a point off it is snapped in
        // a plane centred on the graph's extent, which the other city moves, and the snapped
        // point with it by centimetres.
        for (single, seed, area) in [(a, UInt64(7), Self.almatyCentre), (k, 8, Self.konaevTown)] {
            let walkPairs = GraphComparison.vertexPairs(single, count: 15, seed: seed) { area.contains($0) }
            #expect(GraphComparison.expectSameRoutes(single, g, pairs: walkPairs, modes: [.walk], relative: 1e-9) >= 10)
            let streets = StreetNetwork(graph: single)
            let onDrivableStreet = { (c: Coordinate) in
                area.contains(c) && streets.locate(c, profile: .drive).value?.offNetworkMetres == 0
            }
            let drivePairs = GraphComparison.vertexPairs(single, count: 15, seed: seed, where: onDrivableStreet)
            #expect(GraphComparison.expectSameRoutes(single, g, pairs: drivePairs, modes: [.drive], relative: 1e-9) >= 10)
        }
    }

    @Test func readingAFileTwiceGivesEachElementOnce() throws {
        let once = try NetworkImporter.importNetwork(from: OverpassJSONReader(url: Self.konaev))
        let twice = try NetworkImporter.importNetwork(from: NetworkImporter.source(for: [Self.konaev, Self.konaev]))
        GraphComparison.expectSame(once.graph, twice.graph)
        #expect(twice.report.waysRead == once.report.waysRead)
    }

    /// Almaty's 2012 OSM tags most polyclinics `amenity=hospital`; their names say otherwise.
    @Test func almatyHospitalsNamedAsPolyclinicsBecomePolyclinics() throws {
        let byName = try NetworkImporter.importNetwork(from: PBFFileReader(url: Self.almaty), options: Self.cut)
        var tagsOnly = Self.cut
        tagsOnly.facilityNameRules = FacilityNameRules(rules: [])
        let byTags = try NetworkImporter.importNetwork(from: PBFFileReader(url: Self.almaty), options: tagsOnly)
        #expect(byName.facilities.map(\.osmReference) == byTags.facilities.map(\.osmReference))
        var changes: [String: Int] = [:]
        var renamed: [String] = []
        for (new, old) in zip(byName.facilities, byTags.facilities) where new.kind != old.kind {
            changes["\(old.kind) -> \(new.kind)", default: 0] += 1
            renamed.append("\(old.kind) -> \(new.kind): \(new.name ?? "-") (\(new.osmReference))")
        }
        let tagKinds = Dictionary(byTags.facilities.map { ($0.kind, 1) }, uniquingKeysWith: +)
        let nameKinds = Dictionary(byName.facilities.map { ($0.kind, 1) }, uniquingKeysWith: +)
        print("Almaty facilities by tags: \(tagKinds.sorted { $0.key < $1.key })")
        print("Almaty facilities by tags and names: \(nameKinds.sorted { $0.key < $1.key })")
        print("Re-kinded by name (\(renamed.count)):\n  " + renamed.joined(separator: "\n  "))
        #expect(tagKinds["hospital"] == 51)
        #expect(changes == ["hospital -> polyclinic": 8])
        let names = Set(byName.facilities.filter { $0.kind == "polyclinic" }.compactMap(\.name))
        #expect(names.isSuperset(of: ["Поликлиника №13", "Поликлиника № 16", "Поликлиника МВД", "Обл. поликлиника", "2 Поликлинника", "Поликлинника 10"]))
        // Hospitals keep their kind: the names say hospital («больница») or say nothing usable.
        #expect(byName.facilities.contains { $0.kind == "hospital" && $0.name == "Городская клиническая больница №7" })
        // A doctors' practice named in both languages is an ambulatory, not the Kazakh word's polyclinic.
        #expect(byName.facilities.first { $0.name == "Емхана, Врачебная амбулатория" }?.kind == "ambulatory")
    }
}

/// A source without one way: what the network would be if that way had never been mapped.
private struct WithoutWay: OSMElementSource {
    let base: OSMElementSource
    let wayID: Int64
    var sourceName: String { base.sourceName }

    func forEachWay(_ body: (OSMWay) throws -> Void) throws {
        try base.forEachWay { if $0.id != wayID { try body($0) } }
    }

    func forEachNode(wantTags: Bool, _ body: (OSMNode) throws -> Void) throws {
        try base.forEachNode(wantTags: wantTags, body)
    }
}
