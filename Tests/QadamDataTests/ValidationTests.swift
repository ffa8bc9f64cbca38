import Foundation
import QadamData
import Testing

/// Bad files give located problems (file, feature or row, field).
@Suite("Validation of source files")
struct ValidationTests {
    static let twoPoints = """
        {"type":"FeatureCollection","features":[
        {"type":"Feature","properties":{"osm_id":1,"name":"A","place":"village"},"geometry":{"type":"Point","coordinates":[76.9,43.2]}},
        {"type":"Feature","properties":{"osm_id":2,"name":"B","place":"village"},"geometry":{"type":"Point","coordinates":[NaN,43.3]}},
        {"type":"Feature","properties":{"osm_id":1,"name":"C","place":"town","population":"12 500"},"geometry":{"type":"Point","coordinates":[77.0,43.3]}}
        ]}
        """

    @Test func brokenJSONIsReportedWithLineAndColumn() throws {
        let dir = try TemporaryDirectory()
        let file = try dir.write("broken.geojson", "{\"type\":\"FeatureCollection\",\n\"features\":[{\"type\":\"Feature\",]}")
        do {
            _ = try LayerImporter.validate(file: file, options: ImportOptions())
            Issue.record("expected unreadable")
        } catch ImportError.unreadable(_, let problems) {
            let p = try #require(problems.first)
            #expect(p.location.file == "broken.geojson")
            #expect(p.location.line == 2)
            #expect(p.location.column == 31, "the ']' where a key should be")
            #expect(p.message.contains("broken JSON"))
        }
    }

    @Test func nanCoordinateAndDuplicateIdAreLocated() throws {
        let dir = try TemporaryDirectory()
        let file = try dir.write("places.geojson", Self.twoPoints)
        let report = try LayerImporter.validate(file: file, options: ImportOptions())
        #expect(report.layer == .settlements)
        let errors = report.errors
        #expect(errors.count == 2)
        let nan = try #require(errors.first { $0.location.feature == 2 })
        #expect(nan.location.field == "geometry")
        #expect(nan.featureID == "2")
        #expect(nan.message.contains("not a finite number"))
        let dup = try #require(errors.first { $0.location.feature == 3 })
        #expect(dup.location.field == "osm_id")
        #expect(dup.message.contains("duplicate id '1'") && dup.message.contains("feature 1"))
        #expect(report.recordCount == 1)
    }

    @Test func csvProblemsNameTheRowAndField() throws {
        let dir = try TemporaryDirectory()
        let file = try dir.write("facilities.csv", """
            id,lon,lat,kind,capacity
            s1,76.9,43.2,school,1200
            s2,76.95,43.25,spaceport,10
            s3,200,43.2,school,800
            s4,76.9,43.21,kindergarten,lots
            ,76.9,43.22,pharmacy,
            """)
        let report = try LayerImporter.validate(file: file, options: ImportOptions())
        #expect(report.layer == .facilities)
        func problem(row: Int) -> DataProblem? { report.problems.first { $0.location.row == row } }
        #expect(problem(row: 3)?.location.field == "kind")
        #expect(problem(row: 3)?.message.contains("unknown kind 'spaceport'") == true)
        #expect(problem(row: 3)?.severity == .error)
        #expect(problem(row: 4)?.message.contains("outside EPSG:4326") == true)
        #expect(problem(row: 5)?.severity == .warning, "an unreadable capacity is dropped, not fatal")
        #expect(problem(row: 6)?.location.field == "id")
        #expect(problem(row: 6)?.severity == .error)
        #expect(report.recordCount == 2)
    }

    @Test func invalidPolygonIsRepairedAndReported() throws {
        let dir = try TemporaryDirectory()
        let bowtie = #"{"type":"Polygon","coordinates":[[[76.0,43.0],[77.0,44.0],[77.0,43.0],[76.0,44.0],[76.0,43.0]]]}"#
        let file = try dir.write("d.geojson", """
            {"type":"FeatureCollection","features":[{"type":"Feature","properties":{"id":"d1","level":"rayon","name":"X"},"geometry":\(bowtie)}]}
            """)
        let report = try LayerImporter.validate(file: file, options: ImportOptions())
        #expect(report.layer == .districts)
        #expect(report.errors.isEmpty)
        let repair = try #require(report.repairs.first)
        #expect(repair.location.feature == 1)
        #expect(repair.featureID == "d1")
        #expect(repair.message.contains("Self-intersection"))
    }

    @Test func missingRequiredFieldAndUnknownLayer() throws {
        let dir = try TemporaryDirectory()
        let demand = try dir.write("demand.csv", "id,lon,lat,population\nb1,76.9,43.2,120\nb2,76.9,43.3,\n")
        let report = try LayerImporter.validate(file: demand, options: ImportOptions())
        #expect(report.layer == .demand)
        #expect(report.errors.map(\.location.row) == [3])
        #expect(report.errors.first?.location.field == "population")

        let vague = try dir.write("vague.csv", "foo,lon,lat\n1,76.9,43.2\n")
        #expect(throws: ImportError.self) { try LayerImporter.validate(file: vague, options: ImportOptions()) }
    }
}
