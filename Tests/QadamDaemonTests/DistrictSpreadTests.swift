import QadamData
import QadamGeo
@testable import QadamEngine
import Testing
import QadamContract

/// The dasymetric spread of a district's known total over its settlements without a recorded
/// population, checked by hand on a small case and against a plain per-district recount.
@Suite("Spreading district totals over settlements")
struct DistrictSpreadTests {
    static func square(_ lon: Double, _ lat: Double, _ size: Double) throws -> Geometry {
        try Geometry.polygon([.init(lon: lon, lat: lat), .init(lon: lon + size, lat: lat), .init(lon: lon + size, lat: lat + size),
                              .init(lon: lon, lat: lat + size), .init(lon: lon, lat: lat)])
    }

    @Test func theRemainderGoesInEqualSharesToSettlementsWithoutAPopulation() throws {
        // Oblast O (total 100,000) holds rayon R (total 10,000) and more land; R holds A (4,000),
        // B and C (unknown); outside R but inside O: D (unknown) and E (50,000).
        let districts = [
            District(id: "O", names: PlaceNames(local: "O"), level: .oblast, population: 100_000, polygon: try Self.square(0, 0, 10)),
            District(id: "R", names: PlaceNames(local: "R"), level: .rayon, parentID: "O", population: 10_000, polygon: try Self.square(0, 0, 1)),
        ]
        func s(_ id: String, _ lon: Double, _ population: Int?) -> Settlement {
            Settlement(id: id, names: PlaceNames(local: id), population: population, point: Coordinate(lon: lon, lat: 0.5))
        }
        let settlements = [s("A", 0.2, 4_000), s("B", 0.4, nil), s("C", 0.6, nil), s("D", 5, nil), s("E", 6, 50_000), s("F", 20, nil)]
        let index = AreaIndex(districts.map { ($0.polygon, $0) })
        let (population, spread) = AnalyticsInputs.spreadDistrictTotals(settlements, districts: districts, index: index)
        // R: 10,000 - 4,000 over B and C. O: 100,000 less E and all of R (10,000) to D.
        // F lies in no district and stays unknown (0).
        #expect(population == [4_000, 3_000, 3_000, 40_000, 50_000, 0])
        #expect(spread == 3)
    }

    @Test func withoutDistrictTotalsNothingChanges() throws {
        let districts = [District(id: "R", names: PlaceNames(local: "R"), level: .rayon, polygon: try Self.square(0, 0, 1))]
        let settlements = [Settlement(id: "A", names: PlaceNames(local: "A"), population: nil, point: Coordinate(lon: 0.5, lat: 0.5))]
        let (population, spread) = AnalyticsInputs.spreadDistrictTotals(settlements, districts: districts,
                                                                        index: AreaIndex(districts.map { ($0.polygon, $0) }))
        #expect(population == [0] && spread == 0)
    }

    @Test func recordedPopulationsAreNeverChangedAndTotalsAreKept() throws {
        var rng = SplitMix64(seed: 5)
        for _ in 0..<50 {
            let total = Int.random(in: 1_000...100_000, using: &rng)
            let district = District(id: "R", names: PlaceNames(local: "R"), level: .rayon, population: total, polygon: try Self.square(0, 0, 1))
            let settlements = (0..<Int.random(in: 1...12, using: &rng)).map { i in
                Settlement(id: "s\(i)", names: PlaceNames(local: "s\(i)"),
                           population: Bool.random(using: &rng) ? Int.random(in: 0...(total / 10), using: &rng) : nil,
                           point: Coordinate(lon: Double.random(in: 0.01...0.99, using: &rng), lat: 0.5))
            }
            let (population, _) = AnalyticsInputs.spreadDistrictTotals(settlements, districts: [district],
                                                                       index: AreaIndex([(district.polygon, district)]))
            for (s, p) in zip(settlements, population) where s.population != nil { #expect(p == Double(s.population!)) }
            let recorded = settlements.compactMap(\.population).reduce(0, +)
            if settlements.contains(where: { $0.population == nil }) && recorded < total {
                #expect(abs(population.reduce(0, +) - Double(total)) < 1e-6)
            }
        }
    }
}
