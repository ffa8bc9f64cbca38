import Foundation
import QadamData
import QadamGeo
import Testing
import QadamContract

@Suite("Dataset store")
struct DatasetStoreTests {
    static let facilitiesCSV = """
        id,lon,lat,kind,capacity,name
        s1,76.90,43.20,school,1200,"School No. 1, Almaty"
        k1,76.95,43.25,kindergarten,240,Balapan
        p1,77.00,43.30,clinic,500,Polyclinic 4
        """

    static func fileHash(_ url: URL) throws -> String { SHA256Digest.hex(of: try Data(contentsOf: url)) }

    @Test func roundTripsFacilitiesAndKeepsTheirFields() throws {
        let dir = try TemporaryDirectory()
        let store = try DatasetStore.create(dir.file("d.sqlite"))
        let report = try store.importLayer(file: try dir.write("f.csv", Self.facilitiesCSV),
                                           options: ImportOptions(sourceName: "test facilities", licence: "CC0"))
        #expect(report.contentHash?.count == 64)
        let facilities = try store.facilities()
        #expect(facilities.map(\.id) == ["s1", "k1", "p1"])
        #expect(facilities[0].name == "School No. 1, Almaty")
        #expect(facilities[0].capacityUnit == .seats)
        #expect(facilities[2].kind == .polyclinic)
        #expect(facilities[2].capacityUnit == .visitsPerShift)
        #expect(facilities[1].point == Coordinate(lon: 76.95, lat: 43.25))
        let info = try store.info()
        let layer = try #require(info.layer(.facilities))
        #expect(layer.featureCount == 3)
        #expect(layer.sources == [LayerSource(file: "f.csv", name: "test facilities", licence: "CC0")])
        #expect(layer.extent == BoundingBox(minX: 76.9, minY: 43.2, maxX: 77.0, maxY: 43.3))
        #expect(info.contentHash == report.contentHash)
        #expect(info.schemaVersion == DatasetStore.schemaVersion)
    }

    @Test func reimportingTheSameFileGivesTheSameHash() throws {
        let dir = try TemporaryDirectory()
        let csv = try dir.write("f.csv", Self.facilitiesCSV)
        let a = try DatasetStore.create(dir.file("a.sqlite"))
        let first = try a.importLayer(file: csv, options: ImportOptions()).contentHash
        let second = try a.importLayer(file: csv, options: ImportOptions(sourceName: "other name")).contentHash
        #expect(first == second)
        let b = try DatasetStore.create(dir.file("b.sqlite"))
        #expect(try b.importLayer(file: csv, options: ImportOptions()).contentHash == first)
        let changed = try dir.write("g.csv", Self.facilitiesCSV.replacingOccurrences(of: "1200", with: "1300"))
        #expect(try b.importLayer(file: changed, options: ImportOptions()).contentHash != first)
    }

    @Test func failedImportsLeaveTheDatasetByteForByteUnchanged() throws {
        let dir = try TemporaryDirectory()
        let url = dir.file("d.sqlite")
        let store = try DatasetStore.create(url)
        try store.importLayer(file: try dir.write("f.csv", Self.facilitiesCSV), options: ImportOptions())
        let before = try Self.fileHash(url)
        let bad = [
            try dir.write("broken.geojson", #"{"type":"FeatureCollection","features":[{"type":"Feature""#),
            try dir.write("nan.geojson", ValidationTests.twoPoints),
            try dir.write("dup.csv", "id,lon,lat,kind\na,76.9,43.2,school\na,76.9,43.3,school\n"),
        ]
        for file in bad {
            #expect(throws: ImportError.self) { try store.importLayer(file: file, options: ImportOptions()) }
            #expect(try Self.fileHash(url) == before, "\(file.lastPathComponent) changed the dataset")
        }
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: dir.url.path).filter { $0.hasSuffix(".tmp") }
        #expect(leftovers.isEmpty)
        #expect(try store.facilities().count == 3)
    }

    @Test func polycentresWithoutGeometryAreKeptAndCounted() throws {
        let dir = try TemporaryDirectory()
        let file = try dir.write("pc.geojson", """
            {"type":"FeatureCollection","features":[
            {"type":"Feature","properties":{"id":"north","name":"Север","specialisation":"logistics"},"geometry":null},
            {"type":"Feature","properties":{"id":"centre","name":"Исторический центр","specialisation":"culture"},
             "geometry":{"type":"Polygon","coordinates":[[[76.93,43.25],[76.96,43.25],[76.96,43.27],[76.93,43.27],[76.93,43.25]]]}}
            ]}
            """)
        let store = try DatasetStore.create(dir.file("d.sqlite"))
        let report = try store.importLayer(file: file, options: ImportOptions(layer: .polycentres))
        #expect(report.warnings.count == 1)
        let polycentres = try store.polycentres()
        #expect(polycentres.map(\.id) == ["north", "centre"])
        #expect(polycentres[0].polygon == nil)
        #expect(polycentres[1].polygon?.kind == .polygon)
        #expect(try store.info().layer(.polycentres)?.missingGeometryCount == 1)
        let gazetteer = Gazetteer(districts: [], settlements: [], polycentres: polycentres)
        #expect(gazetteer.locate(Coordinate(lon: 76.945, lat: 43.26)).polycentre?.id == "centre")
    }

    @Test func networkFeaturesRoundTripThroughTheGenericPath() throws {
        let dir = try TemporaryDirectory()
        let store = try DatasetStore.create(dir.file("d.sqlite"))
        let line = try Geometry.lineString([Coordinate(lon: 76.9, lat: 43.2), Coordinate(lon: 76.91, lat: 43.21)])
        try store.replaceLayer(.network, features: [
            Feature(id: "w1", geometry: line, properties: ["highway": .string("footway"), "oneway": .bool(false)]),
        ], source: LayerSource(name: "OSM", licence: "ODbL"))
        let back = try store.features(layer: .network)
        #expect(back.count == 1)
        #expect(back[0].properties["highway"] == .string("footway"))
        #expect(back[0].geometry.equals(line))
        #expect(throws: DatasetError.self) { try store.replaceLayer(.facilities, features: [], source: LayerSource()) }
    }

    /// A street import writes `network` and `facilities` together: when the second layer
    /// fails (a duplicate id breaks the UNIQUE constraint), the first is not written either.
    @Test func severalLayersAreReplacedAllOrNothing() throws {
        let dir = try TemporaryDirectory()
        let store = try DatasetStore.create(dir.file("d.sqlite"))
        let line = try Geometry.lineString([Coordinate(lon: 76.9, lat: 43.2), Coordinate(lon: 76.91, lat: 43.21)])
        let school = Facility(id: "node/1", kind: .school, point: Coordinate(lon: 76.9, lat: 43.2))
        let hash = try store.replaceLayers([.network([Feature(id: "way/1", geometry: line)]), .facilities([school])],
                                           source: LayerSource(file: "x.osm.pbf"))
        #expect(try store.info().layers.map(\.layer) == [.facilities, .network] && store.info().contentHash == hash)
        let before = try Data(contentsOf: dir.file("d.sqlite"))
        #expect(throws: (any Error).self) {
            try store.replaceLayers([.network([Feature(id: "way/2", geometry: line)]), .facilities([school, school])],
                                    source: LayerSource(file: "y.osm.pbf"))
        }
        #expect(try Data(contentsOf: dir.file("d.sqlite")) == before)
        #expect(try store.features(layer: .network).map(\.id) == ["way/1"])
    }

    @Test func agglomerationZonesByGeodesicDistance() throws {
        let dir = try TemporaryDirectory()
        let file = try dir.write("a.geojson", """
            {"type":"FeatureCollection","features":[{"type":"Feature","properties":{"id":"almaty","name":"Almaty agglomeration",
             "intensive_km":45,"active_km":70,"weak_km":90,"member_ids":"a;b"},"geometry":{"type":"Point","coordinates":[76.9286,43.2567]}}]}
            """)
        let store = try DatasetStore.create(dir.file("d.sqlite"))
        try store.importLayer(file: file, options: ImportOptions())
        let aggl = try #require(try store.agglomerations().first)
        #expect(aggl.memberIDs == ["a", "b"])
        for (km, zone) in [(10.0, AgglomerationZone.intensive), (60, .active), (85, .weak)] {
            let p = Geodesic.destination(from: aggl.core, azimuth: 30, distance: km * 1000)
            #expect(aggl.zone(of: p)?.zone == zone)
        }
        #expect(aggl.zone(of: Geodesic.destination(from: aggl.core, azimuth: 30, distance: 95_000)) == nil)
    }

    @Test func openRefusesFilesThatAreNotDatasets() throws {
        let dir = try TemporaryDirectory()
        #expect(throws: DatasetError.self) { try DatasetStore.open(dir.file("missing.sqlite")) }
        let junk = try dir.write("junk.sqlite", "not a database")
        #expect(throws: (any Error).self) { try DatasetStore.open(junk) }
    }
}
