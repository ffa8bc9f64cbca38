import Foundation
import QadamData
import QadamGeo
import TestSupport
import Testing

/// `qadam import postgresql://...` end to end, against a live PostgreSQL with PostGIS holding
/// the Almaty schools and districts from ../shared/geodata.
@Suite("Import from PostGIS", .enabled(if: TestPostgres.shouldRun, TestPostgres.skipReason),
       .enabled(if: SharedGeodata.shouldRun, SharedGeodata.skipReason))
final class PostGISImportTests {
    let dir: URL

    init() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("qadam-pg-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: dir) }

    static let schoolsCSV = SharedGeodata.file("facilities/giga_schools_almaty.csv")
    static let districtsGeoJSON = SharedGeodata.file("boundaries/almaty_districts_osm2017.geojson")
    static let homesCSV = SharedGeodata.file("population/almaty_gem_exposure_residential_points.csv")

    /// The server with the rows loaded once per test process: the schools as points numbered in
    /// file order, the districts as they are and once more in UTM zone 43N (EPSG:32643), and
    /// GEM's residential buildings with their occupants.
    static let almaty: Result<TestPostgres, Error> = Result {
        let pg = try TestPostgres.shared.get()
        try pg.psql("""
            CREATE TEMP TABLE schools_csv (n serial, lat float8, lon float8, name text);
            \\copy schools_csv (lat, lon, name) FROM '\(schoolsCSV.path)' WITH (FORMAT csv, HEADER true)
            CREATE TABLE schools AS
                SELECT n AS id, name, ST_SetSRID(ST_MakePoint(lon, lat), 4326) AS geom FROM schools_csv ORDER BY n;
            \\set doc `cat '\(districtsGeoJSON.path)'`
            CREATE TABLE districts AS
                SELECT f->'properties'->>'osm-relation-id' AS "osm-relation-id", f->'properties'->>'name' AS name,
                       f->'properties'->>'nameRu' AS "nameRu", ST_SetSRID(ST_GeomFromGeoJSON(f->'geometry'), 4326) AS geom
                FROM jsonb_array_elements((:'doc')::jsonb->'features') WITH ORDINALITY AS t(f, n) ORDER BY n;
            CREATE TABLE districts_utm AS SELECT "osm-relation-id", name, ST_Transform(geom, 32643) AS geom FROM districts;
            CREATE TEMP TABLE homes_csv (district_osm_relation text, district_ru text, lon float8, lat float8,
                                         taxonomy text, buildings int, occupants int, replacement_cost_usd float8);
            \\copy homes_csv FROM '\(homesCSV.path)' WITH (FORMAT csv, HEADER true)
            CREATE TABLE homes AS SELECT row_number() OVER () AS id, district_osm_relation, occupants,
                ST_SetSRID(ST_MakePoint(lon, lat), 4326) AS geom FROM homes_csv;
            """)
        return pg
    }

    private func path(_ name: String) -> String { dir.appendingPathComponent(name).path }

    private func importing(_ arguments: [String]) throws -> [String: Any] {
        let result = try QadamProcess.run(["import"] + arguments + ["--format", "json"])
        #expect(result.status == 0, "qadam import \(arguments.joined(separator: " ")): \(result.stderr)")
        return try #require(try result.json() as? [String: Any])
    }

    /// The schools CSV as GeoJSON with the same ids (row order) and the coordinates' own digits,
    /// so both sides parse the same decimal text.
    private func schoolsGeoJSON() throws -> String {
        let text = try String(contentsOf: Self.schoolsCSV, encoding: .utf8).replacingOccurrences(of: "\r\n", with: "\n")
        let rows = try CSVReference.parse(text).dropFirst()
        let features = try rows.enumerated().map { i, row in
            let properties = String(decoding: try JSONSerialization.data(withJSONObject: ["id": i + 1, "name": row[2]]), as: UTF8.self)
            return #"{"type":"Feature","properties":\#(properties),"geometry":{"type":"Point","coordinates":[\#(row[1]),\#(row[0])]}}"#
        }
        let file = path("schools.geojson")
        try Data(#"{"type":"FeatureCollection","features":[\#(features.joined(separator: ","))]}"#.utf8)
            .write(to: URL(fileURLWithPath: file))
        return file
    }

    @Test func tableAndQueryGiveTheSameContentHashAsTheGeoJSONFiles() throws {
        let pg = try Self.almaty.get()
        let fromFiles = path("files.qadam"), fromPostGIS = path("postgis.qadam")
        let schoolFile = try importing([try schoolsGeoJSON(), "--layer", "facilities", "--default-kind", "school", "--dataset", fromFiles])
        #expect(schoolFile["record_count"] as? Int == 222)
        let files = try importing([Self.districtsGeoJSON.path, "--dataset", fromFiles])

        let schools = try importing([pg.url, "--table", "schools", "--layer", "facilities", "--default-kind", "school",
                                     "--dataset", fromPostGIS])
        #expect(schools["record_count"] as? Int == 222)
        #expect(schools["format"] as? String == "postgis")
        let districts = try importing([pg.url, "--query", #"SELECT "osm-relation-id", name, "nameRu", geom FROM districts"#,
                                       "--dataset", fromPostGIS])
        #expect(districts["layer"] as? String == "districts")
        #expect(districts["record_count"] as? Int == 8)
        #expect(districts["content_hash"] as? String == files["content_hash"] as? String)
    }

    /// The planner's round trip of docs/import.md: PostGIS -> qadam import -> qadamd ->
    /// qadam coverage --format gpkg, the GeoPackage holding what the JSON answer says.
    @Test func postGISToQadamdToAGeoPackage() throws {
        let pg = try Self.almaty.get()
        let dataset = path("almaty.qadam")
        _ = try importing([pg.url, "--table", "schools", "--layer", "facilities", "--default-kind", "school", "--dataset", dataset])
        _ = try importing([pg.url, "--table", "districts", "--dataset", dataset])
        let homes = try importing([pg.url, "--layer", "demand", "--dataset", dataset, "--query",
                                   "SELECT id, occupants AS population, district_osm_relation AS district_id, geom FROM homes"])
        #expect(homes["record_count"] as? Int == 2118)
        let daemon = try DaemonProcess(copying: dataset)
        let coverage = ["coverage", "--socket", daemon.socketPath, "--kind", "school", "--max-m", "500"]

        let answer = try #require(try QadamProcess.run(coverage + ["--format", "json"]).json() as? [String: Any])
        let outside = try #require(answer["outside"] as? [[String: Any]])
        #expect((answer["population_total"] as? Double ?? 0) > 0)
        let points = path("outside.gpkg")
        #expect(try QadamProcess.run(coverage + ["--format", "gpkg", "--output", points]).status == 0)
        let rollUp = path("by-district.gpkg")
        #expect(try QadamProcess.run(coverage + ["--group-by", "district", "--format", "gpkg", "--output", rollUp]).status == 0)

        let outsideLayer = try OGRInfo.summary(points)
        #expect(outsideLayer.contains("Layer name: coverage_outside"), "\(outsideLayer)")
        #expect(outsideLayer.contains("Feature Count: \(outside.count)"), "\(outsideLayer)")
        let districtLayer = try OGRInfo.summary(rollUp)
        #expect(districtLayer.contains("Feature Count: 8"), "\(districtLayer)")
        #expect(districtLayer.contains("Geometry: Multi Polygon"), "\(districtLayer)")
    }

    @Test func aProjectedGeometryColumnIsTransformedToWGS84() throws {
        let pg = try Self.almaty.get()
        let wgs84 = path("wgs84.qadam"), utm = path("utm.qadam")
        _ = try importing([Self.districtsGeoJSON.path, "--dataset", wgs84])
        _ = try importing([pg.url, "--query", "SELECT * FROM districts_utm", "--layer", "districts", "--dataset", utm])
        let expected = Dictionary(uniqueKeysWithValues: try DatasetStore.open(URL(fileURLWithPath: wgs84)).districts().map { ($0.id, $0) })
        let read = try DatasetStore.open(URL(fileURLWithPath: utm)).districts()
        #expect(read.count == 8)
        for district in read {
            let original = try #require(expected[district.id])
            let (a, b) = (district.polygon.envelope, original.polygon.envelope)
            // PROJ's round trip through UTM is exact to well under a millimetre.
            for (x, y) in [(a.minX, b.minX), (a.minY, b.minY), (a.maxX, b.maxX), (a.maxY, b.maxY)] {
                #expect(abs(x - y) < 1e-8, "\(district.id)")
            }
            #expect(district.polygon.coordinates.count == original.polygon.coordinates.count)
        }
    }

    @Test func numericTextAndBooleanColumnsReadAsAFileWouldHoldThem() throws {
        let pg = try Self.almaty.get()
        let dataset = path("types.qadam")
        _ = try importing([pg.url, "--layer", "facilities", "--dataset", dataset, "--field", "capacity=seats",
                           "--query", """
                               SELECT 'S' || id::text AS id, 'school'::varchar AS kind, name, 1200.5::numeric(6,1) AS seats,
                                      (id % 2 = 0) AS even, '{"a": 1}'::jsonb AS extra, geom FROM schools ORDER BY schools.id LIMIT 3
                               """])
        let facilities = try DatasetStore.open(URL(fileURLWithPath: dataset)).facilities()
        #expect(Set(facilities.map(\.id)) == ["S1", "S2", "S3"])
        #expect(facilities.allSatisfy { $0.kind == .school && $0.capacity == 1200.5 })
    }

    @Test func aBadRowIsLocatedByRowColumnAndIdAndNothingIsWritten() throws {
        let pg = try Self.almaty.get()
        let dataset = path("d.qadam")
        _ = try importing([pg.url, "--table", "schools", "--layer", "facilities", "--default-kind", "school", "--dataset", dataset])
        let before = try Data(contentsOf: URL(fileURLWithPath: dataset))

        let result = try QadamProcess.run(["import", pg.url, "--layer", "facilities", "--default-kind", "school", "--dataset", dataset,
            "--query", "SELECT id, name, CASE WHEN id = 7 THEN -30 ELSE 600 END AS seats, geom FROM schools ORDER BY id",
            "--field", "capacity=seats", "--format", "json"])
        #expect(result.status == 2)
        let report = try #require(try result.json() as? [String: Any])
        let problems = try #require(report["problems"] as? [[String: Any]])
        let location = try #require(problems.first?["location"] as? [String: Any])
        #expect(location["row"] as? Int == 7)
        #expect(location["field"] as? String == "seats")
        #expect(problems.first?["feature_id"] as? String == "7")
        #expect(try Data(contentsOf: URL(fileURLWithPath: dataset)) == before)
    }

    @Test func validateReadsTheSameRowsAndWritesNothing() throws {
        let pg = try Self.almaty.get()
        let result = try QadamProcess.run(["validate", pg.url, "--layer", "facilities", "--default-kind", "school",
            "--query", "SELECT id, name, CASE WHEN id = 3 THEN 'many' ELSE '600' END AS seats, geom FROM schools ORDER BY id",
            "--field", "capacity=seats", "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let report = try #require(try result.json() as? [String: Any])
        #expect(report["record_count"] as? Int == 222)
        let problems = try #require(report["problems"] as? [[String: Any]])
        #expect(problems.count == 1)
        #expect(problems.first?["severity"] as? String == "warning")
        #expect((problems.first?["location"] as? [String: Any])?["row"] as? Int == 3)
    }

    /// A broken query, a mapped column the query lacks, a server that is not there: each is
    /// named in one line on stderr, exit status 2, and the dataset keeps every byte.
    @Test(arguments: [
        (["--query", "SELECT nme, geom FROM schools"], #"column "nme" does not exist"#),
        (["--table", "no_such_table"], #"relation "no_such_table" does not exist"#),
        (["--query", "SELECT id, name, geom FROM schools", "--field", "capacity=seats"], "no column 'seats' (mapped to capacity)"),
        (["--query", "SELECT id, name, now() AS checked, geom FROM schools"], "column 'checked' has type timestamp with time zone"),
        (["--query", "SELECT id, name, geom::geography AS place FROM schools"], "column 'place' has type geography, which qadam does not read; cast it in the query (e.g. place::geometry)"),
        (["--query", "UPDATE schools SET name = 'x'"], "cannot execute UPDATE in a read-only transaction"),
        (["--query", ""], "it is not a statement that returns rows"),
    ])
    func brokenQueriesAreNamedAndChangeNothing(arguments: [String], message: String) throws {
        let pg = try Self.almaty.get()
        let dataset = path("d.qadam")
        _ = try importing([pg.url, "--table", "schools", "--layer", "facilities", "--default-kind", "school", "--dataset", dataset])
        let before = try Data(contentsOf: URL(fileURLWithPath: dataset))
        let result = try QadamProcess.run(["import", pg.url, "--layer", "facilities", "--default-kind", "school",
                                           "--dataset", dataset] + arguments)
        #expect(result.status == 2)
        #expect(result.stderr.contains(message), "\(result.stderr)")
        #expect(result.stderr.contains("was not changed"), "\(result.stderr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: dataset)) == before)
    }
}

extension PostGISImportTests {
    /// A query can change nothing on the server: a second statement is refused (one statement
    /// per query), and so is a change inside a SELECT (the transaction is read-only); the
    /// table keeps every row.
    @Test(arguments: [
        ("SELECT id, name, geom FROM schools; DELETE FROM schools", "cannot insert multiple commands into a prepared statement"),
        ("WITH gone AS (DELETE FROM schools RETURNING *) SELECT id, name, geom FROM gone", "in a read-only transaction (SQLSTATE 25006)"),
    ])
    func aQueryCannotChangeTheServer(query: String, message: String) throws {
        let pg = try Self.almaty.get()
        let result = try QadamProcess.run(["import", pg.url, "--query", query, "--layer", "facilities", "--default-kind", "school",
                                           "--dataset", path("d.qadam")])
        #expect(result.status == 2)
        #expect(result.stderr.contains(message), "\(result.stderr)")
        #expect(try pg.psql("SELECT count(*) FROM schools").contains("222"))
    }
}

/// Needs no server: the point is that there is none.
@Suite("Import from an unreachable PostgreSQL")
struct PostGISUnreachableTests {
    @Test(arguments: [
        ("postgresql://planner@/city?host=/nonexistent/socket/dir",
         #": connection to server on socket "/nonexistent/socket/dir/.s.PGSQL.5432" failed: No such file or directory"#),
        ("postgresql://planner@127.0.0.1:1/city?sslmode=disable", #": connection to server at "127.0.0.1", port 1 failed: Connection refused"#),
    ])
    func anUnreachableServerIsNamedAndTheDatasetUnchanged(url: String, message: String) throws {
        let dir = try DatasetFixture.scratchDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let dataset = dir + "/d.qadam"
        _ = try DatasetFixture.write(to: dataset)
        let before = try Data(contentsOf: URL(fileURLWithPath: dataset))
        let result = try QadamProcess.run(["import", url, "--table", "schools", "--dataset", dataset])
        #expect(result.status == 2)
        #expect(result.stderr.contains("cannot connect to PostgreSQL database 'city' as 'planner'\(message)"), "\(result.stderr)")
        #expect(result.stderr.split(separator: "\n").count == 1, "one line: \(result.stderr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: dataset)) == before)
    }

    @Test func aMissingDatasetIsNotCreatedWhenTheServerIsUnreachable() throws {
        let dir = try DatasetFixture.scratchDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let result = try QadamProcess.run(["import", "postgresql://planner@/city?host=/nonexistent", "--table", "t", "--dataset", dir + "/new.qadam"])
        #expect(result.status == 2)
        #expect(!FileManager.default.fileExists(atPath: dir + "/new.qadam"))
    }
}
