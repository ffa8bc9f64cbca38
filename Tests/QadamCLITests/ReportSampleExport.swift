import Foundation
import TestSupport
import Testing
@testable import QadamCLI

/// Writes sample reports for `scripts/check-report-render.sh`, which opens them in a headless
/// browser. Runs only when QADAM_REPORT_SAMPLE_DIR names the folder to write to.
@Suite struct ReportSampleExport {
    static let directory = ProcessInfo.processInfo.environment["QADAM_REPORT_SAMPLE_DIR"]

    @Test(.enabled(if: directory != nil, "set QADAM_REPORT_SAMPLE_DIR to write sample reports"))
    func writeSampleReports() throws {
        let folder = URL(fileURLWithPath: Self.directory!)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for language in ReportLanguage.allCases {
            try HTMLReport.render(sampleReportModel(language: language))
                .write(to: folder.appendingPathComponent("sample-\(language.rawValue).html"), atomically: true, encoding: .utf8)
        }
        if SharedGeodata.isPresent {
            var model = sampleReportModel(language: .ru)
            model.title = "Обеспеченность школами"
            model.areaName = "Республика Казахстан"
            model.districts = try ReportNationalMapTests.rayons()
            model.facilities = []
            model.worstGaps = []
            try HTMLReport.render(model).write(to: folder.appendingPathComponent("rayons-ru.html"), atomically: true, encoding: .utf8)
        }
    }
}
