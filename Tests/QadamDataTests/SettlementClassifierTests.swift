import Foundation
import QadamData
import QadamGeo
import Testing
import TestSupport
import QadamContract

/// The classification rules on the known cases of the documents, on the real default dataset,
/// plus the name folding and КАТО rules on their own.
@Suite struct SettlementClassifierTests {
    @Test func nameFoldingMatchesKazakhAndRussianSpellings() {
        #expect(PlaceNameKey("Қонаев") == PlaceNameKey("Кунаев"))
        #expect(PlaceNameKey("Жітіқара") == PlaceNameKey("Житикара"))
        #expect(PlaceNameKey("Ауэзовский") == PlaceNameKey("Ауезовский"))
        #expect(PlaceNameKey("Өскемен") != PlaceNameKey("Усть-Каменогорск"))
    }

    @Test func cityAdministrationsByKATO() {
        #expect(SettlementClassifier.isCityAdministration(kato: "352400000"))   // Темиртау
        #expect(SettlementClassifier.isCityAdministration(kato: "331800000"))   // Текели
        #expect(!SettlementClassifier.isCityAdministration(kato: "101010000"))  // Жанасемейский район
        #expect(!SettlementClassifier.isCityAdministration(kato: "751810000"))  // Almaty's Наурызбайский
        #expect(!SettlementClassifier.isCityAdministration(kato: "194000000"))  // a rayon (positions 3-4 = 40)
    }

    /// A small hand-made case: one oblast, one rayon named after its seat village, a town, a
    /// monotown-sized namesake far from the fact's point, and a town-sized village.
    @Test func rulesOnAHandMadeCase() throws {
        let oblast = District(id: "OB", names: PlaceNames(ru: "Карагандинская"), level: .oblast, kato: "350000000",
                              polygon: try Geometry(wkt: "POLYGON((70 45,80 45,80 55,70 55,70 45))"))
        let rayon = District(id: "R", names: PlaceNames(ru: "Осакаровский"), level: .rayon, parentID: "OB", kato: "354400000",
                             polygon: try Geometry(wkt: "POLYGON((70 45,80 45,80 55,70 55,70 45))"))
        let places = [
            Settlement(id: "1", names: PlaceNames(local: "Осакаровка"), population: 8930, point: Coordinate(lon: 72.6, lat: 50.6), placeType: "village"),
            Settlement(id: "2", names: PlaceNames(local: "Big village"), population: 12000, point: Coordinate(lon: 73, lat: 50), placeType: "village"),
            Settlement(id: "3", names: PlaceNames(local: "Абай"), population: 28722, point: Coordinate(lon: 72.87, lat: 49.63), placeType: "town"),
            Settlement(id: "4", names: PlaceNames(local: "Шахтинск"), point: Coordinate(lon: 75, lat: 52), placeType: "town"),
        ]
        let facts = try SettlementFacts.load(directory: KazakhstanDataset.factsDirectory)
        let r = SettlementClassifier(facts: facts).classify(settlements: places, districts: [oblast, rayon])
        let byID = Dictionary(uniqueKeysWithValues: r.settlements.map { ($0.id, $0) })
        #expect(byID["1"]?.settlementClass == .ruralOkrugCentre)
        #expect(byID["1"]?.seatOf == "R")
        #expect(byID["2"]?.settlementClass == .villageOther)
        #expect(r.notes.contains { $0.reason == .townSizedVillage && $0.settlementID == "2" })
        #expect(byID["3"]?.flags.monotown == true)
        #expect(byID["3"]?.flags.smallTown == false)   // monotowns are not small towns
        #expect(byID["4"]?.flags.monotown == false)    // same name, 280 km from the fact's point
        #expect(byID["4"]?.settlementClass == .cityDistrict)
        #expect(r.settlements.allSatisfy { $0.oblastID == "OB" && $0.districtID == "R" })
    }

    @Test(.enabled(if: SharedGeodata.shouldRun, SharedGeodata.skipReason))
    func knownCasesOnTheDefaultDataset() throws {
        let store = try DatasetStore.open(URL(fileURLWithPath: try KazakhstanDataset.imported().path))
        let facts = try SettlementFacts.load(directory: KazakhstanDataset.factsDirectory)
        let result = SettlementClassifier(facts: facts).classify(settlements: try store.settlements(), districts: try store.districts())
        let towns = result.settlements.filter { ["city", "town"].contains($0.placeType ?? "") }
        func town(_ ru: String) -> Settlement? {
            towns.filter { $0.names.ru == ru }.max { ($0.population ?? 0) < ($1.population ?? 0) }
        }
        for name in ["Алматы", "Астана", "Шымкент"] {
            #expect(town(name)?.settlementClass == .cityRepublican, "\(name)")
        }
        // Текели is a town; by КАТО (331800000) it is a city administration, hence of oblast
        // significance, and it left the monotown list in 2023.
        let tekeli = try #require(town("Текели"))
        #expect(tekeli.settlementClass == .cityOblast && tekeli.classBasis == ClassBasis.katoCityAdministration)
        #expect(!tekeli.flags.monotown && tekeli.flags.smallTown)
        // All 20 monotowns found, each within 2 km of the fact's approximate point.
        let monotowns = result.settlements.filter(\.flags.monotown)
        #expect(monotowns.count == 20)
        for fact in facts.monotowns {
            let hit = monotowns.first { !PlaceNameKey.keys(of: $0.names).isDisjoint(with: PlaceNameKey.keys(of: fact.names)) }
            #expect(hit.map { Geodesic.distance($0.point, fact.approximatePoint) < 2_000 } == true, "\(fact.names.ru ?? "")")
        }
        // Жанатас and Каратау are small towns by the 2023 list.
        #expect(town("Жанатас")?.flags.smallTown == true && town("Каратау")?.flags.smallTown == true)
        // Villages of 10,000 or more are reported as small-town candidates, and only those.
        let candidates = result.notes.filter { $0.reason == .townSizedVillage }
        #expect(!candidates.isEmpty && candidates.allSatisfy { ($0.population ?? 0) >= 10_000 })
        let bigVillages = result.settlements.filter { [.villageOther, .ruralOkrugCentre].contains($0.settlementClass) && ($0.population ?? 0) >= 10_000 }
        #expect(Set(candidates.compactMap(\.settlementID)) == Set(bigVillages.map(\.id)))
        // Oblast centres: the 16 of cities_status found, Kyzylorda reported as missing from the OSM points.
        #expect(result.settlements.filter { $0.classBasis == ClassBasis.oblastCentre }.count == 16)
        #expect(result.notes.contains { $0.reason == .factNotMatched && $0.detail.contains("Кызылорда") })
        // Every place inside Kazakhstan has a class; places abroad have none.
        #expect(result.settlements.allSatisfy { ($0.settlementClass == nil) == ($0.oblastID == nil) })
        // Statuses in force only from 2021 and 2024 are ignored for an earlier year.
        let in2020 = SettlementClassifier(facts: facts, options: .init(asOfYear: 2020))
            .classify(settlements: try store.settlements(), districts: try store.districts())
        let kosshy = try #require(in2020.settlements.first { $0.names.ru == "Косшы" && $0.placeType == "town" })
        #expect(kosshy.settlementClass != .cityOblast || kosshy.classBasis != ClassBasis.citiesStatus)
    }
}
