import Foundation
import QadamGeo
@testable import QadamData
import TestSupport
import Testing

@Suite("Finding places by name")
struct PlaceDirectoryTests {
    static func square(_ lon: Double, _ lat: Double) throws -> Geometry {
        try Geometry.polygon([.init(lon: lon, lat: lat), .init(lon: lon + 0.1, lat: lat), .init(lon: lon + 0.1, lat: lat + 0.1),
                              .init(lon: lon, lat: lat + 0.1), .init(lon: lon, lat: lat)])
    }

    static func directory() throws -> PlaceDirectory {
        let districts = [
            District(id: "751310000", names: PlaceNames(local: "Ауэзовский район", kk: "Әуезов ауданы", en: "Auezov District"),
                     level: .cityDistrict, polygon: try square(76.85, 43.2)),
            District(id: "751810000", names: PlaceNames(local: "Медеуский район"), level: .cityDistrict, polygon: try square(77.0, 43.1)),
        ]
        let settlements = [
            Settlement(id: "s1", names: PlaceNames(local: "Қонаев", ru: "Конаев"), population: 59_000, point: .init(lon: 77.08, lat: 43.87), placeType: "town"),
            Settlement(id: "s2", names: PlaceNames(local: "Алгабас"), population: 16_000, point: .init(lon: 76.80, lat: 43.30), placeType: "suburb"),
            Settlement(id: "s3", names: PlaceNames(local: "Алгабас"), population: 900, point: .init(lon: 69.90, lat: 42.40), placeType: "village"),
            Settlement(id: "s4", names: PlaceNames(local: "Жетысу"), population: 3_000, point: .init(lon: 78.0, lat: 44.0), placeType: "village"),
        ]
        return PlaceDirectory(settlements: settlements, districts: districts)
    }

    @Test(arguments: ["Ауэзовский", "ауезовский район", "Әуезов ауданы", "Auezov", "auezovskiy", "AUEZOV DISTRICT", "Äuezov", "751310000"])
    func spellingVariantsFindTheDistrict(_ query: String) throws {
        guard case .found(let place) = try Self.directory().resolve(query) else {
            Issue.record("\(query) did not resolve to one place"); return
        }
        #expect(place.id == "751310000" && place.kind == .district)
    }

    @Test(arguments: ["Конаев", "Кунаев", "Qonaev", "Konaev", "Kunaev", "қонаев"])
    func konaevUnderEveryName(_ query: String) throws {
        #expect(try Self.directory().resolve(query) == .found(try Self.directory().resolve("s1").place!))
    }

    @Test func ambiguousNamesListEveryPlaceBiggestFirst() throws {
        guard case .ambiguous(let places) = try Self.directory().resolve("Algabas") else {
            Issue.record("expected an ambiguous answer"); return
        }
        #expect(places.map(\.id) == ["s2", "s3"])
    }

    @Test func misspellingsGetSuggestions() throws {
        guard case .notFound(let suggestions) = try Self.directory().resolve("Медеусский") else {
            Issue.record("expected no exact match"); return
        }
        #expect(suggestions.first?.id == "751810000")
        guard case .notFound(let none) = try Self.directory().resolve("Zzzzqq") else { Issue.record("expected none"); return }
        #expect(none.isEmpty)
    }

    @Test func districtWordsAndAdjectivesMeanTheDistrict() throws {
        let withVillage = PlaceDirectory(
            settlements: [Settlement(id: "v", names: PlaceNames(local: "Әуезов"), population: 2_766, point: .init(lon: 81.6, lat: 49.7), placeType: "village")],
            districts: [District(id: "d", names: PlaceNames(local: "Auezov"), level: .cityDistrict, polygon: try Self.square(76.85, 43.2))])
        guard case .ambiguous = withVillage.resolve("Ауэзов") else { Issue.record("the bare name is ambiguous"); return }
        #expect(withVillage.resolve("Ауэзовский").place?.id == "d")
        #expect(withVillage.resolve("Әуезов ауданы").place?.id == "d")
        #expect(withVillage.resolve("Auezov district").place?.id == "d")
    }

    @Test func aCityAdministrationGivesWayToItsTown() throws {
        let directory = PlaceDirectory(
            settlements: [Settlement(id: "town", names: PlaceNames(local: "Қонаев"), population: 56_000, point: .init(lon: 77.05, lat: 43.86), placeType: "town")],
            districts: [District(id: "admin", names: PlaceNames(local: "Конаев"), level: .rayon, polygon: try Self.square(77.0, 43.8))])
        #expect(directory.resolve("Kunaev").place?.id == "town")
        #expect(directory.resolve("Kunaev", kinds: [.district]).place?.id == "admin")
    }

    @Test func kindsRestrictTheSearch() throws {
        // Without the restriction the name finds the district; restricted to settlements it
        // finds nothing, and suggests no district either.
        #expect(try Self.directory().resolve("Медеуский").place?.id == "751810000")
        guard case .notFound(let suggestions) = try Self.directory().resolve("Медеуский", kinds: [.settlement]) else {
            Issue.record("a district's name must not resolve among settlements"); return
        }
        #expect(suggestions.allSatisfy { $0.kind == .settlement })
        #expect(try Self.directory().resolve("Жетісу", kinds: [.settlement]).place?.id == "s4")
    }

    /// The edit distance with a cut-off agrees with the textbook full table wherever it is
    /// within the limit.
    @Test func editDistanceMatchesTheFullTable() {
        func full(_ a: [Character], _ b: [Character]) -> Int {
            var d = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
            for i in 0...a.count { d[i][0] = i }
            for j in 0...b.count { d[0][j] = j }
            for i in stride(from: 1, through: a.count, by: 1) {
                for j in stride(from: 1, through: b.count, by: 1) {
                    d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
                }
            }
            return d[a.count][b.count]
        }
        var rng = SplitMix64(seed: 11)
        let letters = Array("abcde")
        for _ in 0..<2_000 {
            let a = (0..<Int.random(in: 0...7, using: &rng)).map { _ in letters.randomElement(using: &rng)! }
            let b = (0..<Int.random(in: 0...7, using: &rng)).map { _ in letters.randomElement(using: &rng)! }
            let limit = Int.random(in: 0...4, using: &rng)
            let exact = full(a, b)
            let cut = PlaceDirectory.editDistance(a, b, limit: limit)
            #expect(exact <= limit ? cut == exact : cut > limit, "\(String(a)) \(String(b)) limit \(limit)")
        }
    }

    /// On the real HOT OSM places and geokz rayons.
    @Test(.enabled(if: SharedGeodata.shouldRun, SharedGeodata.skipReason))
    func realNamesResolve() throws {
        let dataset = try KazakhstanDataset.imported().path
        let store = try DatasetStore.open(URL(fileURLWithPath: dataset))
        let directory = PlaceDirectory(settlements: try store.settlements(), districts: try store.districts())
        #expect(directory.resolve("Ауэзовский район", kinds: [.district]).place?.detail == "city_district")
        #expect(directory.resolve("Auezov", kinds: [.district]).place?.detail == "city_district")
        #expect(directory.resolve("Турксибский", kinds: [.district]).place?.detail == "city_district")
        #expect(directory.resolve("Астана", kinds: [.settlement]).place?.population ?? 0 > 1_000_000)
        #expect(directory.resolve("Astana", kinds: [.settlement]).place?.population ?? 0 > 1_000_000)
    }
}

extension PlaceDirectory.Resolution {
    var place: PlaceDirectory.Place? {
        if case .found(let p) = self { return p }
        return nil
    }
}
