import Foundation
import QadamData
import QadamGeo
import TestSupport
import Testing
import QadamContract

@Suite("Importing the shared real data", .enabled(if: SharedGeodata.shouldRun, SharedGeodata.skipReason))
struct RealDataImportTests {
    @Test func allADM2PolygonsImportWithTheThreeInvalidOnesRepaired() throws {
        let dir = try TemporaryDirectory()
        let store = try DatasetStore.create(dir.file("kz.sqlite"))
        let report = try store.importLayer(file: SharedGeodata.file("boundaries/kz_adm2_2024_geokz.geojson"),
                                           options: ImportOptions(layer: .districts, licence: "CC BY 4.0"))
        #expect(report.featureCount == 224)
        #expect(report.recordCount == 224)
        #expect(report.errors.isEmpty)
        #expect(report.repairs.count == 3)
        for repair in report.repairs {
            #expect(repair.location.feature != nil)
            #expect(repair.featureID?.hasPrefix("KZ") == true)
            #expect(repair.message.contains("makeValid"))
        }
        #expect(report.fields["id"] == "ADM2_PCODE")
        #expect(report.fields["parent_id"] == "ADM1_PCODE")

        let districts = try store.districts()
        #expect(districts.count == 224)
        #expect(districts.allSatisfy { $0.level == .rayon && $0.polygon.isValid && $0.polygon.kind.isPolygonal })
        let almaly = try #require(districts.first { $0.kato?.hasPrefix("7511") == true || $0.names.en == "Almaly" })
        #expect(almaly.parentID != nil)
        #expect(try store.info().layer(.districts)?.featureCount == 224)
    }

    @Test func adm1ImportsTwentyOblastsWithSevenRepairs() throws {
        let report = try LayerImporter.validate(file: SharedGeodata.file("boundaries/kz_adm1_2024_geokz.geojson"),
                                                options: ImportOptions())
        #expect(report.layer == .districts, "inferred from ADM1_PCODE and polygons")
        #expect(report.featureCount == 20)
        #expect(report.recordCount == 20)
        #expect(report.errors.isEmpty)
        #expect(report.repairs.count == 7)
        #expect(report.fields["id"] == "ADM1_PCODE")
        #expect(report.fields["parent_id"] == nil, "ADM1_PCODE is the id, not a parent")
    }

    /// The brief quoted 683.5 km² (close to the official 682 km²), but every boundary file here
    /// measures 704.0 km² geodesically (703.9 km² planar in UTM 43N): the OSM 2017 districts,
    /// the OSM city border and the geokz ADM2 Almaty districts all agree. The test holds the
    /// districts to the independently drawn city border, and to 704.0 km² within 1.5%.
    @Test func almatyDistrictAreasSumToTheCityArea() throws {
        let dir = try TemporaryDirectory()
        let store = try DatasetStore.create(dir.file("almaty.sqlite"))
        try store.importLayer(file: SharedGeodata.file("boundaries/almaty_districts_osm2017.geojson"), options: ImportOptions())
        let districts = try store.districts()
        #expect(districts.count == 8)
        #expect(districts.allSatisfy { $0.level == .cityDistrict })
        let km2 = districts.reduce(0) { $0 + Geodesic.area($1.polygon) } / 1e6
        #expect(abs(km2 - 704.0) / 704.0 < 0.015, "total \(km2) km²")
        #expect(districts.contains { $0.names.ru == "Турксибский район" })

        let city = try LayerImporter.read(file: SharedGeodata.file("boundaries/almaty_city_boundary_osm2017.geojson"),
                                          options: ImportOptions(layer: .districts))
        guard case .districts(let border) = city.records else { Issue.record("not districts"); return }
        let cityKm2 = Geodesic.area(border[0].polygon) / 1e6
        #expect(abs(km2 - cityKm2) / cityKm2 < 0.005, "districts \(km2) km², city border \(cityKm2) km²")
    }

    @Test func airportIsInTurksibAndMedeuRinkInMedeu() throws {
        let read = try LayerImporter.read(file: SharedGeodata.file("boundaries/almaty_districts_osm2017.geojson"),
                                          options: ImportOptions())
        guard case .districts(let districts) = read.records else { Issue.record("not districts"); return }
        let gazetteer = Gazetteer(districts: districts, settlements: [])
        #expect(gazetteer.locate(Coordinate(lon: 77.0405, lat: 43.3521)).cityDistrict?.name == "Turksib")
        #expect(gazetteer.locate(Coordinate(lon: 77.0575, lat: 43.1575)).cityDistrict?.name == "Medeu")
    }

    /// Oblasts, rayons and city districts come from three files and coexist in one layer; a
    /// point in Almaty is then placed at every level.
    @Test func districtLevelsFromSeveralFilesCoexist() throws {
        let dir = try TemporaryDirectory()
        let store = try DatasetStore.create(dir.file("kz.sqlite"))
        try store.importLayer(file: SharedGeodata.file("boundaries/kz_adm2_2024_geokz.geojson"), options: ImportOptions())
        let afterADM2 = try store.info().contentHash
        try store.importLayer(file: SharedGeodata.file("boundaries/kz_adm1_2024_geokz.geojson"), options: ImportOptions())
        try store.importLayer(file: SharedGeodata.file("boundaries/almaty_districts_osm2017.geojson"), options: ImportOptions())
        let info = try store.info()
        #expect(info.layer(.districts)?.featureCount == 224 + 20 + 8)
        #expect(info.layer(.districts)?.sources.compactMap(\.part) == ["city_district", "oblast", "rayon"])
        #expect(info.contentHash != afterADM2)

        let location = Gazetteer(districts: try store.districts(), settlements: []).locate(Coordinate(lon: 77.0405, lat: 43.3521))
        #expect(location.oblast?.id == "KZ75")
        #expect(location.rayon?.id.hasPrefix("KZ751") == true)
        #expect(location.cityDistrict?.name == "Turksib")

        // Re-importing ADM2 replaces only the rayons and gives the same content as before.
        try store.importLayer(file: SharedGeodata.file("boundaries/kz_adm2_2024_geokz.geojson"), options: ImportOptions())
        #expect(try store.info().contentHash == info.contentHash)
    }

    @Test func hotosmSettlementsImportWithTheirPopulations() throws {
        let dir = try TemporaryDirectory()
        let store = try DatasetStore.create(dir.file("s.sqlite"))
        let report = try store.importLayer(file: SharedGeodata.file("settlements/kz_populated_places_hotosm.geojson"),
                                           options: ImportOptions())
        #expect(report.layer == .settlements)
        #expect(report.errors.isEmpty)
        let settlements = try store.settlements()
        #expect(settlements.count == 9_899)
        #expect(settlements.filter { $0.population != nil }.count == 3_547)
        #expect(settlements.filter { $0.placeType == "city" }.count == 22)
        let almaty = try #require(settlements.first { $0.names.ru == "Алматы" && $0.placeType == "city" })
        #expect(almaty.population ?? 0 > 1_000_000)
        #expect(try store.info().layer(.settlements)?.featureCount == 9_899)
    }
}
