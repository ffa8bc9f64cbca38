import Foundation
import QadamGeo
import Testing
@testable import QadamCLI
import QadamContract

/// A small Almaty-like model: three districts (one with a hole, one with no data), facilities of
/// two kinds, gaps, a table, both chart kinds, and hostile text in every free-text field.
func sampleReportModel(language: ReportLanguage = .en, hostile: String = "<b>\"A&B\"</b> 'q'") -> ReportModel {
    func square(_ lon: Double, _ lat: Double, _ size: Double) -> [Coordinate] {
        [Coordinate(lon: lon, lat: lat), Coordinate(lon: lon + size, lat: lat), Coordinate(lon: lon + size, lat: lat + size),
         Coordinate(lon: lon, lat: lat + size), Coordinate(lon: lon, lat: lat)]
    }
    return ReportModel(
        title: "Audit \(hostile)", areaName: "Алматы & окрестности", datasetHash: "sha256:ab12<>",
        parameters: [ReportParameter("speed_kmh", "4.5"), ReportParameter("norms", "school-500m, polyclinic-1000m & \"x\"")],
        generatedAt: Date(timeIntervalSince1970: 1_700_000_000), language: language,
        shading: ReportShading(title: "Coverage share", scale: .share, higherIsBetter: true),
        districts: [
            ReportDistrict(name: "Алмалинский", polygons: [[square(76.90, 43.22, 0.04), square(76.91, 43.23, 0.01)]], value: 0.82, label: "82 %"),
            ReportDistrict(name: "Dist \(hostile)", polygons: [[square(76.95, 43.22, 0.05)], [square(77.02, 43.22, 0.02)]], value: 0.35, label: hostile),
            ReportDistrict(name: "Наурызбайский", polygons: [[square(76.85, 43.18, 0.05)]], value: nil, label: ""),
        ],
        facilities: [
            ReportFacility(point: Coordinate(lon: 76.92, lat: 43.24), kind: "school", name: "School №12 \(hostile)"),
            ReportFacility(point: Coordinate(lon: 76.97, lat: 43.25), kind: "polyclinic", name: "GP 4"),
            ReportFacility(point: Coordinate(lon: .nan, lat: 43.25), kind: "polyclinic", name: "broken point"),
        ],
        worstGaps: [ReportGap(point: Coordinate(lon: 76.87, lat: 43.2), label: "Шугыла \(hostile)", population: 12_345)],
        tables: [ReportTable(title: "Deficit \(hostile)", columns: ["District", "Seats"], rows: [["Алмалинский", "-120"], [hostile]],
                             normIDs: ["school-seats-<x>"], sources: ["SP RK 3.01-101-2013 & amendments"])],
        charts: [
            ReportBarChart(subject: .provisionByDistrict, bars: [ReportBar(label: "Алмалинский", share: 0.82), ReportBar(label: hostile, share: .nan)]),
            ReportBarChart(subject: .provisionBySettlementClass, bars: [ReportBar(label: "village_other with a very long class name indeed", share: 1.4)]),
        ])
}

@Suite struct ReportHTMLTests {
    @Test func wholeDocumentIsWellFormed() throws {
        for language in ReportLanguage.allCases {
            let html = HTMLReport.render(sampleReportModel(language: language))
            let body = String(html.drop(while: { $0 != "\n" })) // after <!DOCTYPE html>
            try ReportMarkupChecker.check(body)
        }
    }

    @Test func checkerCatchesBrokenMarkup() {
        #expect(throws: ReportMarkupChecker.Problem.self) { try ReportMarkupChecker.check("<svg><g></svg>") }
        #expect(throws: ReportMarkupChecker.Problem.self) { try ReportMarkupChecker.check("<p>a & b</p>") }
        #expect(throws: ReportMarkupChecker.Problem.self) { try ReportMarkupChecker.check("<p title=\"<x>\">a</p>") }
        #expect(throws: ReportMarkupChecker.Problem.self) { try ReportMarkupChecker.check("<p>1 > 0</p>") }
    }

    @Test func mapHasExactlyOnePathPerDistrict() throws {
        let model = sampleReportModel()
        let html = HTMLReport.render(model)
        let svgStart = try #require(html.range(of: "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"map\""))
        let svgEnd = try #require(html.range(of: "</svg>", range: svgStart.upperBound..<html.endIndex))
        let svg = String(html[svgStart.lowerBound..<svgEnd.upperBound])
        let elements = try ReportMarkupChecker.check(svg)
        #expect(elements.filter { $0 == "path" }.count == model.districts.count)
        #expect(svg.components(separatedBy: "data-district=").count - 1 == model.districts.count)
        for district in model.districts {
            #expect(svg.contains("data-district=\"\(HTMLEscaping.escape(district.name))\""))
        }
        // Two valid facilities drawn, the NaN one skipped; one gap marker with its label.
        #expect(svg.components(separatedBy: "<circle").count - 1 == 2 + 1)
        #expect(svg.contains("12,345"))
        // The district with a hole draws two rings in one path; the multipolygon district two shells.
        #expect(svg.components(separatedBy: "Z").count - 1 >= 4)
    }

    @Test func everyTextIsEscaped() {
        let hostile = "<b>\"A&B\"</b> 'q'"
        let html = HTMLReport.render(sampleReportModel(hostile: hostile))
        #expect(!html.contains("<b>"))
        #expect(!html.contains("\"A&B\""))
        #expect(html.contains("&lt;b&gt;&quot;A&amp;B&quot;&lt;/b&gt; &#39;q&#39;"))
        #expect(html.contains("sha256:ab12&lt;&gt;"))
        #expect(HTMLEscaping.escape("a\u{0}b\u{7}") == "a\u{FFFD}b\u{FFFD}")
    }

    @Test func sameModelGivesSameBytes() {
        #expect(HTMLReport.render(sampleReportModel()) == HTMLReport.render(sampleReportModel()))
        #expect(HTMLReport.render(sampleReportModel(language: .kk)) != HTMLReport.render(sampleReportModel(language: .ru)))
    }

    @Test func needsNoNetwork() {
        let html = HTMLReport.render(sampleReportModel())
        for forbidden in ["<script", "<link", "src=", "href=", "url(", "@import", "https://"] {
            #expect(!html.contains(forbidden), "found \(forbidden)")
        }
        let http = html.components(separatedBy: "http://").dropFirst()
        #expect(http.allSatisfy { $0.hasPrefix("www.w3.org/2000/svg\"") })
    }

    @Test(arguments: [(ReportLanguage.ru, "Легенда"), (.en, "Legend"), (.kk, "Шартты белгілер")])
    func labelsFollowTheLanguage(language: ReportLanguage, legend: String) {
        let html = HTMLReport.render(sampleReportModel(language: language))
        #expect(html.contains("<html lang=\"\(language.rawValue)\">"))
        #expect(html.contains(legend))
        #expect(html.contains(language.strings.provisionBySettlementClass))
        #expect(html.contains(language.strings.noData))
    }

    @Test func everyLanguageFillsEveryLabel() {
        for language in ReportLanguage.allCases {
            for child in Mirror(reflecting: language.strings).children {
                #expect(!(child.value as! String).isEmpty, "\(language) \(child.label ?? "")")
            }
        }
        #expect(ReportLanguage.en.strings.formatPopulation(1_234_567) == "1,234,567")
        #expect(ReportLanguage.ru.strings.formatPopulation(999) == "999")
        #expect(ReportLanguage.kk.strings.formatPopulation(-12_000) == "-12\u{202F}000")
    }

    @Test func provenanceShowsHashParametersAndUTCTime() {
        let html = HTMLReport.render(sampleReportModel())
        #expect(html.contains("<code>sha256:ab12&lt;&gt;</code>"))
        #expect(html.contains("<th>speed_kmh</th><td><code>4.5</code></td>"))
        #expect(html.contains("2023-11-14T22:13:20Z"))
    }
}

@Suite struct ReportShadingTests {
    @Test func shareClassesAreFixedFifths() {
        let classes = ShadingClasses(ReportShading(title: "", scale: .share, higherIsBetter: true), values: [0.5])
        #expect(classes.classIndex(of: 0) == 0)
        #expect(classes.classIndex(of: 0.1999) == 0)
        #expect(classes.classIndex(of: 0.2) == 1)
        #expect(classes.classIndex(of: 0.99) == 4)
        #expect(classes.classIndex(of: 1.0) == 4)
        #expect(classes.classIndex(of: -3) == 0)
        #expect(classes.classIndex(of: nil) == nil)
        #expect(classes.classIndex(of: .nan) == nil)
        #expect(classes.color(of: 1.0) == "#1a9641")
        #expect(classes.legend.map(\.label) == ["0%–20%", "20%–40%", "40%–60%", "60%–80%", "80%–100%"])
    }

    @Test func deficitsAreRedWhenHigh() {
        let classes = ShadingClasses(ReportShading(title: "", scale: .number(unit: "seats"), higherIsBetter: false), values: [0, 500, nil, 1000])
        #expect(classes.color(of: 1000) == "#d7191c")
        #expect(classes.color(of: 0) == "#1a9641")
        #expect(classes.legend.first?.label == "0 seats–200 seats")
        let flat = ShadingClasses(ReportShading(title: "", scale: .number(unit: ""), higherIsBetter: false), values: [7, 7])
        #expect(flat.legend.count == 1)
        #expect(flat.classIndex(of: 7) == 0)
    }

    @Test func projectionKeepsShapesAtTheMidLatitude() {
        // A 1°x1° cell at 60°N is half as wide as it is tall.
        let projection = MapProjection(fitting: [Coordinate(lon: 10, lat: 59.5), Coordinate(lon: 11, lat: 60.5)])
        let a = projection.project(Coordinate(lon: 10, lat: 60.5)), b = projection.project(Coordinate(lon: 11, lat: 59.5))
        #expect(abs((b.x - a.x) / (b.y - a.y) - cos(60 * Double.pi / 180)) < 1e-9)
        #expect(a.x == projection.padding && a.y == projection.padding)
        #expect(projection.height <= 1000 && projection.width <= 1000)
    }

    @Test func coordinatesPrintCompactly() {
        #expect(ReportNumber.coordinate(12.04) == "12")
        #expect(ReportNumber.coordinate(12.06) == "12.1")
        #expect(ReportNumber.coordinate(-0.26) == "-0.3")
        #expect(ReportNumber.coordinate(-3.5) == "-3.5")
        #expect(ReportNumber.coordinate(0.01) == "0")
    }
}
