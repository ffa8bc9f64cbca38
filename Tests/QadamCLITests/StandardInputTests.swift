import Foundation
import TestSupport
import Testing

/// `-` for standard input wherever `qadam` reads a file (docs/cli.md, "Standard input"),
/// through the built binary: a piped file gives what its path gives, errors say "standard
/// input" (never `-` or the temporary copy's path), and no copy is left behind.
@Suite("Standard input for every input file")
final class StandardInputTests {
    let dir: String
    /// The child's `TMPDIR`, where it copies standard input for the readers that need a file.
    let tmp: String

    init() throws {
        dir = try DatasetFixture.scratchDirectory()
        tmp = dir + "/tmp"
        try FileManager.default.createDirectory(atPath: tmp, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: dir) }

    static let facilitiesCSV = "id,lon,lat,kind,capacity\ns1,76.90,43.20,school,1200\nk1,76.95,43.25,kindergarten,240\n"
    static let facilitiesGeoJSON = """
        {"type":"FeatureCollection","features":[
        {"type":"Feature","properties":{"id":"s1","kind":"school","capacity":1200},"geometry":{"type":"Point","coordinates":[76.90,43.20]}},
        {"type":"Feature","properties":{"id":"k1","kind":"kindergarten","capacity":240},"geometry":{"type":"Point","coordinates":[76.95,43.25]}}]}
        """
    static let garbage = Data("this is not any file format\u{1}{[\n".utf8)

    @discardableResult
    func write(_ name: String, _ text: String) throws -> String {
        let path = dir + "/" + name
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    func qadam(_ arguments: [String], input: Data? = nil) throws -> QadamProcess.Result {
        try QadamProcess.run(arguments, environment: ["TMPDIR": tmp], standardInput: input)
    }

    func json(_ arguments: [String], input: Data? = nil) throws -> [String: Any] {
        let r = try qadam(arguments, input: input)
        #expect(r.status == 0, "qadam \(arguments.joined(separator: " ")): \(r.stderr)")
        return try #require(try r.json() as? [String: Any], "\(r.stdout)")
    }

    /// What is left in the child's temporary folder: nothing, once a command has ended.
    func leftovers() throws -> [String] { try FileManager.default.contentsOfDirectory(atPath: tmp) }

    /// A services dataset (districts, settlements, schools, demand) for the query commands.
    func servicesDataset() throws -> String {
        let path = dir + "/services.qadam"
        if !FileManager.default.fileExists(atPath: path) { try DatasetFixture.write(to: path, variant: .services) }
        return path
    }

    // MARK: import

    @Test("import -: a CSV and a GeoJSON facilities file piped in import as their paths do")
    func importFromStandardInputMatchesThePath() throws {
        for (name, text) in [("facilities.csv", Self.facilitiesCSV), ("facilities.geojson", Self.facilitiesGeoJSON)] {
            let file = try write(name, text)
            let byPath = try json(["import", file, "--dataset", dir + "/path-\(name).qadam", "--format", "json"])
            let piped = try json(["import", "-", "--dataset", dir + "/stdin-\(name).qadam", "--format", "json"], input: Data(text.utf8))
            #expect(byPath["file"] as? String == name)
            #expect(piped["file"] as? String == "standard input")
            for key in ["layer", "format", "feature_count", "record_count", "content_hash"] {
                #expect(piped[key] as? NSObject == byPath[key] as? NSObject, "\(name): \(key)")
            }
            #expect(piped["record_count"] as? Int == 2)
            #expect(piped["fields"] as? [String: String] == byPath["fields"] as? [String: String])

            let infoPath = try json(["info", "--dataset", dir + "/path-\(name).qadam", "--format", "json"])
            let infoPiped = try json(["info", "--dataset", dir + "/stdin-\(name).qadam", "--format", "json"])
            #expect(infoPiped["snapshot"] as? String == infoPath["snapshot"] as? String)
            #expect(infoPiped["layers"] as? [String: Int] == ["facilities": 2])
        }
        #expect(try leftovers() == [])
    }

    @Test("import -: an OSM PBF piped in is told by content and imports as its path does")
    func networkPBFFromStandardInput() throws {
        let pbf = SharedGeodata.repositoryRoot.appendingPathComponent("geodata/networks/almaty_osm_2012.osm.pbf")
        let byPath = try json(["import", pbf.path, "--missing-nodes", "cut", "--dataset", dir + "/path.qadam", "--format", "json"])
        let piped = try json(["import", "-", "--missing-nodes", "cut", "--dataset", dir + "/stdin.qadam", "--format", "json"],
                             input: try Data(contentsOf: pbf))
        #expect(piped["file"] as? String == "standard input")
        for key in ["vertices", "edges", "ways_read", "missing_node_references", "content_hash"] {
            #expect(piped[key] as? NSObject == byPath[key] as? NSObject, "\(key)")
        }
        #expect(piped["facilities"] as? [String: Int] == byPath["facilities"] as? [String: Int])
        #expect(try leftovers() == [])
    }

    @Test("import --facility-rules -: rules piped in re-kind as the file does; a bad row is located in standard input")
    func facilityRulesFromStandardInput() throws {
        let east = try write("east.json", NetworkImportFilesTests.east)
        let rules = "pattern,kind\nполиклиника 2,ambulatory\n"
        let byPath = try json(["import", east, "--dataset", dir + "/path.qadam", "--facility-rules", try write("rules.csv", rules),
                               "--format", "json"])
        let dataset = dir + "/stdin.qadam"
        let piped = try json(["import", east, "--dataset", dataset, "--facility-rules", "-", "--format", "json"], input: Data(rules.utf8))
        #expect(byPath["facilities"] as? [String: Int] == ["ambulatory": 1])
        #expect(piped["facilities"] as? [String: Int] == byPath["facilities"] as? [String: Int])
        #expect(piped["content_hash"] as? String == byPath["content_hash"] as? String)

        let before = try Data(contentsOf: URL(fileURLWithPath: dataset))
        let bad = try qadam(["import", east, "--dataset", dataset, "--facility-rules", "-"],
                            input: Data("pattern,kind\nполиклиника 2,ambulatory\nстоматолог,dental\n".utf8))
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("standard input: row 3: kind: \"dental\" is not one of"), "\(bad.stderr)")
        #expect(!bad.stderr.contains(tmp) && bad.stderr.contains("was not changed"), "\(bad.stderr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: dataset)) == before)
        #expect(try leftovers() == [])
    }

    // MARK: audit and the query commands

    @Test("audit --origins -: CSV and GeoJSON origins piped in give the same rows as the file; --output - is standard output")
    func auditOriginsFromStandardInput() throws {
        let dataset = try servicesDataset()
        let csv = "id,lon,lat\na,76.6,43.5\nb,77.4,43.6\nbad,abc,43.5\n"
        let geojson = """
            {"type":"FeatureCollection","features":[
            {"type":"Feature","properties":{"id":"a"},"geometry":{"type":"Point","coordinates":[76.6,43.5]}},
            {"type":"Feature","properties":{"id":"b"},"geometry":{"type":"Point","coordinates":[77.4,43.6]}}]}
            """
        let backend = ["--dataset", dataset, "--norms", DatasetFixture.normsPath]
        for (name, text, rows) in [("origins.csv", csv, 3), ("origins.geojson", geojson, 2)] {
            let file = try write(name, text)
            let byPath = try qadam(["audit"] + backend + ["--origins", file, "--kind", "school"])
            let piped = try qadam(["audit"] + backend + ["--origins", "-", "--kind", "school"], input: Data(text.utf8))
            let toDash = try qadam(["audit"] + backend + ["--origins", "-", "--kind", "school", "--output", "-"], input: Data(text.utf8))
            #expect(byPath.status == 0 && piped.status == 0 && toDash.status == 0, "\(byPath.stderr)\(piped.stderr)\(toDash.stderr)")
            #expect(byPath.stdout.split(separator: "\n").count == rows + 1, "\(byPath.stdout)")
            #expect(piped.stdout == byPath.stdout)
            #expect(toDash.stdout == byPath.stdout)
            #expect(piped.stderr.contains("to standard output"))
        }
        let broken = try qadam(["audit"] + backend + ["--origins", "-", "--kind", "school"], input: Data("id,lon\na,1\n".utf8))
        #expect(broken.status == 2 && broken.stderr.contains("standard input: line 1: no lat column"), "\(broken.stderr)")
        #expect(try leftovers() == [])
    }

    @Test("--dataset -: a query command answers from a dataset piped in as from its path")
    func datasetFromStandardInput() throws {
        let dataset = try servicesDataset()
        let bytes = try Data(contentsOf: URL(fileURLWithPath: dataset))
        let byPath = try json(["info", "--dataset", dataset, "--norms", DatasetFixture.normsPath, "--format", "json"])
        let piped = try json(["info", "--dataset", "-", "--norms", DatasetFixture.normsPath, "--format", "json"], input: bytes)
        #expect(piped["snapshot"] as? String == byPath["snapshot"] as? String)
        #expect(piped["layers"] as? [String: Int] == byPath["layers"] as? [String: Int])

        let coverage = ["coverage", "--norms", DatasetFixture.normsPath, "--kind", "school", "--max-m", "5000", "--format", "csv"]
        let coverageByPath = try qadam(coverage + ["--dataset", dataset])
        let coveragePiped = try qadam(coverage + ["--dataset", "-", "--output", "-"], input: bytes)
        #expect(coverageByPath.status == 0 && coveragePiped.status == 0, "\(coverageByPath.stderr)\(coveragePiped.stderr)")
        #expect(coveragePiped.stdout == coverageByPath.stdout)
        #expect(try leftovers() == [])
    }

    @Test("Every input file option reads -, and its errors say standard input")
    func everyInputOptionNamesStandardInput() throws {
        let dataset = try servicesDataset(), norms = DatasetFixture.normsPath
        let csv = try write("facilities.csv", Self.facilitiesCSV), east = try write("east.json", NetworkImportFilesTests.east)
        let scenario = SharedGeodata.repositoryRoot.appendingPathComponent("geodata/scenarios/almaty-school-seat-deficit.json").path
        let written = dir + "/written.qadam"
        let cases: [[String]] = [
            ["import", "-", "--dataset", written],
            ["validate", "-"],
            ["import", csv, "--mapping", "-", "--dataset", written],
            ["validate", csv, "--mapping", "-"],
            ["import", east, "--facility-rules", "-", "--dataset", written],
            ["audit", "--dataset", dataset, "--norms", norms, "--origins", "-", "--kind", "school"],
            ["info", "--dataset", "-", "--norms", norms],
            ["info", "--dataset", dataset, "--norms", "-"],
            ["whatif", "--dataset", dataset, "--norms", norms, "--kind", "school", "--changes", "-"],
            ["site", "--dataset", dataset, "--norms", norms, "--kind", "school", "--count", "1", "--candidates", "-"],
            ["scenario", "run", "-", "--dataset", dataset],
            ["scenario", "run", scenario, "--dataset", "-"],
            ["demand", "estimate", "--dataset", dataset, "--totals", "-"],
            ["graph", "export", "--dataset", "-", "--norms", norms, "--output", dir + "/graph"],
        ]
        for arguments in cases {
            let r = try qadam(arguments, input: Self.garbage)
            let line = "qadam \(arguments.joined(separator: " ")): \(r.stderr)"
            #expect(r.status == 1 || r.status == 2, "\(line)")
            #expect(r.stderr.contains("standard input"), "\(line)")
            #expect(!r.stderr.contains("qadam-stdin") && !r.stderr.contains(tmp), "\(line)")
        }
        #expect(!FileManager.default.fileExists(atPath: written))
        #expect(try leftovers() == [])
    }

    @Test("Standard input is read once; - is refused where a path is written in place or is a folder")
    func dashWhereItCannotBe() throws {
        let dataset = try servicesDataset()
        let twice = try qadam(["audit", "--dataset", "-", "--norms", DatasetFixture.normsPath, "--origins", "-", "--kind", "school"],
                              input: try Data(contentsOf: URL(fileURLWithPath: dataset)))
        #expect(twice.status == 1)
        #expect(twice.stderr.contains("standard input is already read for --dataset; --origins cannot read it too"), "\(twice.stderr)")
        for (arguments, message) in [
            (["import", try write("f.csv", Self.facilitiesCSV), "--dataset", "-"], "--dataset -: the dataset is written in place"),
            (["classify", "--dataset", dataset, "--report", "-"], "--report -: without --report the review list is printed"),
            (["graph", "export", "--dataset", dataset, "--output", "-"], "--output -: it is a directory"),
            (["coverage", "--dataset", dataset, "--kind", "school", "--format", "gpkg", "--output", "-"], "--format gpkg writes a file"),
            (["audit", "--dataset", dataset, "--origins", "o.csv", "--kind", "school", "--output", "-", "--resume"], "--resume needs --output FILE"),
        ] {
            let r = try qadam(arguments)
            #expect(r.status == 1 && r.stderr.contains(message), "qadam \(arguments.joined(separator: " ")): \(r.stderr)")
        }
        #expect(try leftovers() == [])
    }

    @Test("report --output - writes the HTML to standard output")
    func reportToStandardOutput() throws {
        let dataset = try servicesDataset()
        let r = try qadam(["report", "--dataset", dataset, "--norms", DatasetFixture.normsPath, "--lang", "en", "--output", "-"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.hasPrefix("<!DOCTYPE html>") && r.stdout.contains("</html>"))
        #expect(r.stderr.contains("wrote standard output"))
        #expect(!FileManager.default.fileExists(atPath: FileManager.default.currentDirectoryPath + "/-"))
    }
}
