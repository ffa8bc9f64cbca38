import Foundation
import QadamGeo
import TestSupport
import Testing
@testable import QadamCLI
import QadamContract

/// The real 224-rayon map of Kazakhstan: one path per rayon and a file a planner can mail.
@Suite struct ReportNationalMapTests {
    static func rayons() throws -> [ReportDistrict] {
        let data = try Data(contentsOf: SharedGeodata.file("boundaries/kz_adm2_2024_geokz.geojson"))
        let root = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let features = try #require(root["features"] as? [[String: Any]])
        return try features.enumerated().map { index, feature in
            let properties = try #require(feature["properties"] as? [String: Any])
            let geometry = try #require(feature["geometry"] as? [String: Any])
            let raw = try #require(geometry["coordinates"] as? [Any])
            let polygons = (geometry["type"] as? String == "MultiPolygon" ? raw : [raw]).map { polygon in
                (polygon as! [Any]).map { ring in
                    (ring as! [[Double]]).map { Coordinate(lon: $0[0], lat: $0[1]) }
                }
            }
            let share = Double(index % 11) / 10
            return ReportDistrict(name: properties["ADM2_RU"] as? String ?? "?", polygons: polygons,
                                  value: index % 17 == 0 ? nil : share, label: "")
        }
    }

    @Test(.enabled(if: SharedGeodata.shouldRun, SharedGeodata.skipReason))
    func rayonMapIsSmallAndComplete() throws {
        let districts = try Self.rayons()
        #expect(districts.count == 224)
        var model = sampleReportModel(language: .ru)
        model.districts = districts
        model.facilities = []
        model.worstGaps = []
        let html = HTMLReport.render(model)
        #expect(html.utf8.count < 1_500_000, "report is \(html.utf8.count) bytes")
        let elements = try ReportMarkupChecker.check(String(html.drop(while: { $0 != "\n" })))
        #expect(elements.filter { $0 == "path" }.count == 224)
        #expect(!html.contains("d=\"\""), "every rayon keeps an outline")
        // Simplification does work: without it the same map is several times larger.
        #expect(HTMLReport.render(model, tolerance: 0).utf8.count > 2 * html.utf8.count)
    }
}
