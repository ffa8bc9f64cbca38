import Foundation
import Testing
import TestSupport

/// `qadam classify` and `qadam scenario` run as a user would, on the imported default dataset.
@Suite(.enabled(if: SharedGeodata.shouldRun, SharedGeodata.skipReason))
struct ClassifyAndScenarioCommandTests {
    /// A private copy of the imported (unclassified) dataset, since classify rewrites it.
    func copy() throws -> String {
        let source = try KazakhstanDataset.imported().path
        let path = try DatasetFixture.scratchDirectory() + "/kz.sqlite"
        try FileManager.default.copyItem(atPath: source, toPath: path)
        return path
    }

    @Test func classifyRewritesSettlementsAndWritesTheReview() throws {
        let dataset = try copy()
        let review = URL(fileURLWithPath: dataset).deletingLastPathComponent().appendingPathComponent("review.csv").path
        let facts = KazakhstanDataset.factsDirectory.path
        let r = try QadamProcess.run(["classify", "--dataset", dataset, "--facts", facts, "--report", review, "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        let answer = try #require(try r.json() as? [String: Any])
        #expect((answer["flags"] as? [String: Int])?["monotown"] == 20)
        let reviewText = try String(contentsOfFile: review, encoding: .utf8)
        #expect(reviewText.hasPrefix("reason,settlement_id,name,population,detail"))
        #expect(reviewText.contains("village_at_town_size"))
        // The scenario runner now finds classified settlements.
        let run = try QadamProcess.run(["scenario", "run", KazakhstanDataset.scenariosDirectory.appendingPathComponent("monotowns-travel.json").path,
                                        "--dataset", dataset, "--facts", facts])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("monotowns") && run.stdout.contains("PASS"))
    }

    @Test func scenarioNeedingALayerSaysSoAndSucceeds() throws {
        let dataset = try copy()
        let r = try QadamProcess.run(["scenario", "run", KazakhstanDataset.scenariosDirectory.appendingPathComponent("almaty-polyclinic-access.json").path,
                                      "--dataset", dataset, "--facts", KazakhstanDataset.factsDirectory.path])
        #expect(r.status == 0)
        #expect(r.stdout.contains("needs layer facilities with kind polyclinic"))
    }

    @Test func scenarioListShowsEveryFile() throws {
        let r = try QadamProcess.run(["scenario", "list", "--scenarios", KazakhstanDataset.scenariosDirectory.path])
        #expect(r.status == 0)
        for id in ["almaty-agglomeration-zones", "monotowns-travel", "rural-hospital-access", "almaty-polyclinic-access",
                   "almaty-school-seat-deficit", "nauryzbay-planned-polyclinics"] {
            #expect(r.stdout.contains(id), "\(id)")
        }
    }

    @Test func infoSaysPolycentresHaveNoGeometry() throws {
        let r = try QadamProcess.run(["info", "--dataset", try KazakhstanDataset.imported().path, "--norms", DatasetFixture.normsPath])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("note: polycentres: none of 5 feature(s) have a geometry"))
    }
}
