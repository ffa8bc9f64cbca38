import Foundation
import TestSupport
import Testing

/// `qadam import`, `validate`, `info` and `locate` end to end, through the built binary.
@Suite("Data commands of the qadam binary")
final class DataCommandsTests {
    let dir: URL

    init() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("qadam-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: dir) }

    private func write(_ name: String, _ text: String) throws -> String {
        let url = dir.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    private func path(_ name: String) -> String { dir.appendingPathComponent(name).path }

    private func sha(_ path: String) throws -> [UInt8] { [UInt8](try Data(contentsOf: URL(fileURLWithPath: path))) }

    static let facilities = "id,lon,lat,kind,capacity\ns1,76.90,43.20,school,1200\nk1,76.95,43.25,kindergarten,240\n"

    @Test func importThenInfoAsJSONAndCSV() throws {
        let csv = try write("f.csv", Self.facilities)
        let imported = try QadamProcess.run(["import", csv, "--dataset", path("d.sqlite"), "--licence", "CC0", "--format", "json"])
        #expect(imported.status == 0, "\(imported.stderr)")
        let report = try #require(try imported.json() as? [String: Any])
        #expect(report["layer"] as? String == "facilities")
        #expect(report["record_count"] as? Int == 2)
        let hash = try #require(report["content_hash"] as? String)

        let info = try QadamProcess.run(["info", "--dataset", path("d.sqlite"), "--format", "json"])
        #expect(info.status == 0)
        let object = try #require(try info.json() as? [String: Any])
        #expect(object["snapshot"] as? String == hash)
        #expect(object["layers"] as? [String: Int] == ["facilities": 2])
        let layers = try #require(object["layer_details"] as? [[String: Any]])
        #expect(layers.count == 1)
        #expect(layers[0]["layer"] as? String == "facilities")
        #expect(layers[0]["feature_count"] as? Int == 2)

        let table = try QadamProcess.run(["info", "--dataset", path("d.sqlite"), "--format", "csv"])
        let lines = table.stdout.split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines[0].hasPrefix("layer,features,"))
        #expect(lines[1].hasPrefix("facilities,2,0,76.9,43.2,76.95,43.25,"))
    }

    @Test func badFilesExitTwoWithLocatedErrorsAndLeaveTheDatasetAlone() throws {
        let dataset = path("d.sqlite")
        #expect(try QadamProcess.run(["import", try write("f.csv", Self.facilities), "--dataset", dataset]).status == 0)
        let before = try sha(dataset)

        let nan = try write("nan.geojson", """
            {"type":"FeatureCollection","features":[
            {"type":"Feature","properties":{"id":"a","kind":"school"},"geometry":{"type":"Point","coordinates":[76.9,43.2]}},
            {"type":"Feature","properties":{"id":"b","kind":"school"},"geometry":{"type":"Point","coordinates":[76.9,NaN]}},
            {"type":"Feature","properties":{"id":"a","kind":"school"},"geometry":{"type":"Point","coordinates":[76.8,43.2]}}]}
            """)
        let validated = try QadamProcess.run(["validate", nan, "--format", "json"])
        #expect(validated.status == 2)
        let result = try #require(try validated.json() as? [String: Any])
        #expect(result["ok"] as? Bool == false)
        let problems = try #require(result["problems"] as? [[String: Any]])
        let locations = problems.compactMap { $0["location"] as? [String: Any] }
        #expect(locations.compactMap { $0["feature"] as? Int }.sorted() == [2, 3])
        #expect(locations.contains { $0["field"] as? String == "geometry" })
        #expect(locations.contains { $0["field"] as? String == "id" })

        let broken = try write("broken.geojson", "{\"type\": \"FeatureCollection\",\n  \"features\": [}\n")
        let brokenResult = try QadamProcess.run(["validate", broken, "--format", "json"])
        #expect(brokenResult.status == 2)
        let located = try #require(((try brokenResult.json() as? [String: Any])?["problems"] as? [[String: Any]])?.first?["location"] as? [String: Any])
        #expect(located["line"] as? Int == 2)
        #expect(located["column"] as? Int == 16)

        for bad in [nan, broken] {
            let imported = try QadamProcess.run(["import", bad, "--dataset", dataset])
            #expect(imported.status == 2)
            #expect(imported.stderr.contains("was not changed"))
            #expect(try sha(dataset) == before)
        }
    }

    @Test func fieldFlagsMapOtherColumnNames() throws {
        let csv = try write("s.csv", "obj,lon,lat,type,seats\nA-1,76.9,43.2,school,900\n")
        let r = try QadamProcess.run(["import", csv, "--dataset", path("d.sqlite"), "--layer", "facilities",
                                      "--id-field", "obj", "--kind-field", "type", "--field", "capacity=seats", "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        let fields = try #require((try r.json() as? [String: Any])?["fields"] as? [String: String])
        #expect(fields == ["id": "obj", "kind": "type", "capacity": "seats"])
    }

    @Test func usageErrorsExitOne() throws {
        // A malformed pair of numbers is a usage error before any dataset is opened (a word
        // would be a place name, looked up in the dataset).
        let r = try QadamProcess.run(["locate", "--dataset", path("none.sqlite"), "--at", "77.5,"])
        #expect(r.status == 1)
        let missing = try QadamProcess.run(["info", "--dataset", path("none.sqlite")])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("\(path("none.sqlite")) does not exist"))
    }

    @Test(.enabled(if: SharedGeodata.shouldRun, SharedGeodata.skipReason))
    func realBoundariesLocateTheAirportInTurksib() throws {
        let dataset = path("kz.sqlite")
        let adm2 = try QadamProcess.run(["import", SharedGeodata.file("boundaries/kz_adm2_2024_geokz.geojson").path,
                                         "--dataset", dataset, "--licence", "CC BY 4.0", "--format", "json"])
        #expect(adm2.status == 0, "\(adm2.stderr)")
        let report = try #require(try adm2.json() as? [String: Any])
        #expect(report["feature_count"] as? Int == 224)
        #expect((report["problems"] as? [[String: Any]])?.filter { $0["severity"] as? String == "repair" }.count == 3)

        let validateADM1 = try QadamProcess.run(["validate", SharedGeodata.file("boundaries/kz_adm1_2024_geokz.geojson").path])
        #expect(validateADM1.status == 0, "repairs only")
        for file in ["boundaries/kz_adm1_2024_geokz.geojson", "boundaries/almaty_districts_osm2017.geojson",
                     "settlements/kz_populated_places_hotosm.geojson"] {
            let r = try QadamProcess.run(["import", SharedGeodata.file(file).path, "--dataset", dataset])
            #expect(r.status == 0, "\(file): \(r.stderr)")
        }
        let located = try QadamProcess.run(["locate", "--dataset", dataset, "--at", "77.0405,43.3521", "--format", "json"])
        #expect(located.status == 0)
        let answer = try #require(try located.json() as? [String: Any])
        #expect((answer["city_district"] as? [String: Any])?["name"] as? String == "Turksib")
        #expect((answer["oblast"] as? [String: Any])?["id"] as? String == "KZ75")
        let nearest = try #require(answer["nearest_settlement"] as? [String: Any])
        #expect((nearest["distance"] as? Double ?? 0) > 0)

        let medeu = try QadamProcess.run(["locate", "--dataset", dataset, "--at", "77.0575,43.1575", "--format", "csv"])
        #expect(medeu.stdout.contains("city_district,"))
        #expect(medeu.stdout.contains(",Medeu,"))
    }
}
