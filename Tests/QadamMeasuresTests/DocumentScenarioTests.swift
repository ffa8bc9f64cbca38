import Foundation
import QadamMeasures
import QadamData
import QadamGeo
import Testing
import TestSupport

/// Each scenario of geodata/scenarios run on the default dataset built from ../shared/geodata,
/// its figures checked against the documents' values or the bounds stated here.
@Suite(.enabled(if: SharedGeodata.shouldRun, SharedGeodata.skipReason))
struct DocumentScenarioTests {
    func run(_ file: String) throws -> ScenarioReport {
        let built = try KazakhstanDataset.classified()
        let scenario = try QadamMeasures.Scenario.load(KazakhstanDataset.scenariosDirectory.appendingPathComponent(file))
        return try ScenarioRunner(scenario: scenario, store: try DatasetStore.open(URL(fileURLWithPath: built.path)),
                                  factsDirectory: built.factsDirectory).run()
    }

    func figure(_ r: ScenarioReport, _ name: String) throws -> ScenarioFigure {
        try #require(r.figures.first { $0.name == name }, "\(name)")
    }

    @Test func almatyZonesAgainstThe2021Counts() throws {
        let r = try run("almaty-agglomeration-zones.json")
        #expect(r.status == .ran)
        // Documented 149 / 30 / 10; the scenario's bounds (0.5x..2x) decide PASS or DIFF.
        for (zone, doc) in [("intensive", 149.0), ("active", 30.0), ("weak", 10.0)] {
            let f = try figure(r, "\(zone).settlements")
            #expect(f.expected == doc)
            #expect(f.verdict == ((doc / 2...doc * 2).contains(f.computed) ? .pass : .diff))
            #expect(try figure(r, "\(zone).places_all").computed >= f.computed)
        }
        // The intensive zone holds Қонаев's neighbourhood and Talgar, Kaskelen, Esik: well over
        // 100,000 known residents; a weak ring of 70-90 km far fewer.
        #expect(try figure(r, "intensive.population_known").computed > 100_000)
        #expect(try figure(r, "weak.population_known").computed < figure(r, "intensive.population_known").computed)
    }

    @Test func monotownsToOblastCentresAndCores() throws {
        let r = try run("monotowns-travel.json")
        #expect(try figure(r, "monotowns").verdict == .pass)
        let rows = try #require(r.tables.first).rows
        #expect(rows.count == 20)
        func km(_ town: String, column: Int) -> Double? { rows.first { $0[0] == town }.flatMap { Double($0[column]) } }
        // Темиртау and Шахтинск lie 25-45 km from Караганда (public maps); Сатпаев 10-25 km from Жезказган.
        #expect((25...45).contains(try #require(km("Теміртау", column: 3))))
        #expect((25...45).contains(try #require(km("Шахтинск", column: 3))))
        #expect((10...25).contains(try #require(km("Сәтбаев", column: 3))))
        // Estimated road = 1.3 × straight line; minutes at 60 km/h = road km.
        for row in rows where row[3] != "-" {
            let straight = Double(row[3])!, road = Double(row[4])!, minutes = Double(row[5])!
            #expect(abs(road - 1.3 * straight) < 0.11)
            #expect(abs(minutes - road) < 1)
        }
    }

    @Test func ruralVillagesBeyondThirtyMinutes() throws {
        let r = try run("rural-hospital-access.json")
        let villages = try figure(r, "villages").computed, beyond = try figure(r, "villages_beyond_cutoff").computed
        #expect(villages > 5_000 && beyond > 0 && beyond < villages)
        // Rows by oblast add up to the totals.
        let byOblast = try #require(r.tables.first).rows
        #expect(byOblast.reduce(0) { $0 + Double($1[1])! } == villages)
        #expect(byOblast.reduce(0) { $0 + Double($1[2])! } == beyond)
        // The cities of republican significance have no village beyond 30 min of their own core.
        #expect(byOblast.first { $0[0] == "Алматы" }?[2] == "0")
        // Cross-check one village by hand: its nearest host is more than 30 min away (23.1 km straight).
        let built = try KazakhstanDataset.classified()
        let settlements = try DatasetStore.open(URL(fileURLWithPath: built.path)).settlements()
        let hosts = settlements.filter { $0.seatOf != nil || $0.settlementClass == .cityOblast || $0.settlementClass == .cityRepublican }
        let farthest = try #require(r.tables.last?.rows.first)
        let village = try #require(settlements.first { $0.names.display == farthest[0] && $0.population == Int(farthest[1]) })
        let nearest = hosts.map { Geodesic.distance($0.point, village.point) }.min()!
        #expect(nearest * 1.3 / (60 / 3.6) > 1_800)
    }

    @Test func facilityScenariosSayWhichLayerTheyNeed() throws {
        let access = try run("almaty-polyclinic-access.json")
        #expect(access.status == .needsInput)
        #expect(access.needs.contains("layer facilities with kind polyclinic or ambulatory or hospital"))
        let whatIf = try run("nauryzbay-planned-polyclinics.json")
        #expect(whatIf.status == .needsInput)
        #expect(whatIf.needs.contains { $0.hasPrefix("layer demand") })
    }

    @Test func schoolSeatDeficitSplitsTheDocumentedTotal() throws {
        let r = try run("almaty-school-seat-deficit.json")
        #expect(try figure(r, "total.deficit").verdict == .pass)
        let parts = r.figures.filter { $0.name != "total.deficit" }
        #expect(parts.count == 8)
        #expect(abs(parts.reduce(0) { $0 + $1.computed } - 19_600) < 1e-6)
        // Бостандыкский has the largest derived population (364,437 of 2,024,872).
        #expect(abs(try figure(r, "Бостандыкский район.deficit").computed - 19_600.0 * 364_437 / 2_024_872) < 1e-6)
    }
}
