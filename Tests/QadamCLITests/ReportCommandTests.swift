import Foundation
import TestSupport
import Testing

/// `qadam report` end to end: the HTML is well-formed, its map has one shape per district of
/// the area, its tables cite norm ids, and it is the same from the daemon as in-process.
@Suite("qadam report over both backends")
final class ReportCommandTests {
    let daemon: DaemonProcess
    let directory: String

    init() throws {
        daemon = try DaemonProcess(variant: .services)
        directory = try DatasetFixture.scratchDirectory()
    }

    deinit { try? FileManager.default.removeItem(atPath: directory) }

    func report(_ arguments: [String]) throws -> String {
        let out = directory + "/r-\(UUID().uuidString).html"
        let r = try QadamProcess.run(["report"] + arguments + ["--output", out])
        #expect(r.status == 0, "\(r.stderr)")
        return try String(contentsOfFile: out, encoding: .utf8)
    }

    static func districtShapes(_ html: String) -> [String] {
        html.components(separatedBy: "data-district=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
    }

    /// The generation time is the only part that differs between two runs.
    static func withoutTimestamp(_ html: String) -> String {
        html.replacingOccurrences(of: #"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ"#, with: "T", options: .regularExpression)
    }

    @Test("The whole dataset: one oblast shape; an oblast: its two rayons; tables cite norm ids; in-process equals daemon")
    func fixtureReports() throws {
        let national = try report(["--dataset", daemon.datasetPath, "--lang", "en"])
        _ = try ReportMarkupChecker.check(national)
        #expect(national.contains("<svg") && Self.districtShapes(national) == ["Testoblast"])
        #expect(national.contains("<code>sp-rk-3.01-101-2013/polyclinic/urban-walk</code>"))
        #expect(national.contains("СП РК 3.01-101-2013"))
        // Alpha has a school 111 m away; no kindergarten, pharmacy or sports ground at all (ranked
        // first, by people then distance), and a polyclinic 64 km away.
        #expect(national.contains("Alpha (kindergarten, pharmacy, sports, polyclinic)"))

        for shade in ["provision", "coverage", "deficit"] {
            let local = try report(["--dataset", daemon.datasetPath, "--area", "OB1", "--shade", shade])
            _ = try ReportMarkupChecker.check(local)
            #expect(Self.districtShapes(local).sorted() == ["Eastrayon", "Westrayon"], "\(shade)")
            let remote = try report(["--socket", daemon.socketPath, "--area", "OB1", "--shade", shade])
            #expect(Self.withoutTimestamp(local) == Self.withoutTimestamp(remote), "\(shade)")
        }
        let deficit = try report(["--dataset", daemon.datasetPath, "--area", "OB1", "--shade", "deficit", "--lang", "kk"])
        #expect(deficit.contains("<code>regional-practice/school/capacity</code>"))
    }

    @Test("A dataset without districts gives a report that says so instead of failing")
    func noDistricts() throws {
        let csv = directory + "/settlements.csv"
        try Data("id,name,lon,lat,place,population\nS1,Alpha,76.5,43.5,town,12000\n".utf8).write(to: URL(fileURLWithPath: csv))
        let dataset = directory + "/bare.sqlite"
        let imported = try QadamProcess.run(["import", csv, "--dataset", dataset, "--layer", "settlements"])
        #expect(imported.status == 0, "\(imported.stderr)")
        let html = try report(["--dataset", dataset, "--lang", "en"])
        _ = try ReportMarkupChecker.check(html)
        #expect(Self.districtShapes(html).isEmpty)
        #expect(html.contains("The dataset has no district boundaries"))
    }
}

/// National and Almaty reports on the real default dataset.
@Suite("qadam report on the Kazakhstan dataset", .enabled(if: SharedGeodata.shouldRun, SharedGeodata.skipReason))
struct ReportRealDataTests {
    @Test("A national report has the 20 oblasts; Almaty's has its 8 districts")
    func kazakhstan() throws {
        let dataset = try KazakhstanDataset.classified().path
        let directory = try DatasetFixture.scratchDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        for (area, shapes) in [(nil, 20), ("KZ75", 8)] as [(String?, Int)] {
            let out = directory + "/report.html"
            let r = try QadamProcess.run(["report", "--dataset", dataset, "--norms", DatasetFixture.normsPath, "--output", out]
                                         + (area.map { ["--area", $0] } ?? []))
            #expect(r.status == 0, "\(r.stderr)")
            let html = try String(contentsOfFile: out, encoding: .utf8)
            _ = try ReportMarkupChecker.check(html)
            #expect(ReportCommandTests.districtShapes(html).count == shapes, "\(area ?? "national")")
        }
    }
}
