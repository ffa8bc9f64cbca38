import Foundation
import TestSupport
import Testing

/// `qadam audit --layer settlements` on the real default dataset (9,899 HOT OSM settlements).
@Suite("qadam audit on the Kazakhstan dataset", .enabled(if: SharedGeodata.shouldRun, SharedGeodata.skipReason))
struct AuditRealDataTests {
    @Test("Every settlement gets a row; --area restricts to Almaty's districts")
    func allSettlements() throws {
        let dataset = try KazakhstanDataset.classified().path
        let directory = try DatasetFixture.scratchDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let out = directory + "/kz.csv"
        let r = try QadamProcess.run(["audit", "--dataset", dataset, "--norms", DatasetFixture.normsPath,
                                      "--layer", "settlements", "--output", out])
        #expect(r.status == 0, "\(r.stderr)")
        let lines = try String(contentsOfFile: out, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 1 + 9_899)
        let almaty = directory + "/almaty.csv"
        let a = try QadamProcess.run(["audit", "--dataset", dataset, "--norms", DatasetFixture.normsPath,
                                      "--layer", "settlements", "--area", "KZ75", "--output", almaty])
        #expect(a.status == 0, "\(a.stderr)")
        let almatyRows = try String(contentsOfFile: almaty, encoding: .utf8).split(separator: "\n").count - 1
        #expect(almatyRows > 0 && almatyRows < 9_899)
    }
}
