import Foundation
import QadamGeo
import TestSupport
import Testing
import QadamContract

/// The service-gap subcommands end to end through the built binary, in-process and against a
/// live qadamd serving the services fixture (no street network: costs are estimated).
@Suite("Service-gap commands over both backends")
final class ServiceGapCommandsTests {
    let daemon: DaemonProcess

    init() throws {
        daemon = try DaemonProcess(variant: .services)
    }

    var inProcess: [String] { ["--dataset", daemon.datasetPath] }
    var overSocket: [String] { ["--socket", daemon.socketPath] }

    private func output(_ arguments: [String]) throws -> String {
        let result = try QadamProcess.run(arguments)
        #expect(result.status == 0, "qadam \(arguments.joined(separator: " ")): \(result.stderr)")
        return result.stdout
    }

    private func json(_ arguments: [String]) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(output(arguments + ["--format", "json"]).utf8)) as? [String: Any])
    }

    static let commands: [[String]] = [
        ["coverage", "--kind", "school", "--max-m", "2000"],
        ["coverage", "--kind", "school"],
        ["deficit", "--kind", "school", "--max-m", "5000"],
        ["access", "--kind", "school", "--method", "e2sfca", "--catchment-m", "3000"],
        ["access", "--kind", "school", "--method", "gravity", "--catchment-min", "30", "--profile", "drive"],
        ["provision"],
        ["provision", "--group-by", "agglomeration_zone"],
        ["gaps"],
        ["whatif", "--add", "77.51,43.501,school,400", "--remove", "F3", "--resize", "F2=600", "--max-m", "2000"],
        ["site", "--kind", "school", "--count", "2", "--max-m", "2000"],
        ["agglomerations"],
    ]

    @Test func everyCommandAnswersTheSameInBothModesAndParsesInEachFormat() throws {
        for command in Self.commands {
            let local = try output(command + inProcess + ["--format", "json"])
            let remote = try output(command + overSocket + ["--format", "json"])
            #expect(local == remote, "\(command.joined(separator: " "))")
            let parsed = try #require(try JSONSerialization.jsonObject(with: Data(local.utf8)) as? [String: Any])
            #expect(parsed["snapshot"] as? String == daemon.contentHash)
            for format in ["table", "csv", "geojson"] {
                let text = try output(command + inProcess + ["--format", format])
                switch format {
                case "csv": #expect(try CSVReference.parse(text).allSatisfy { !$0.isEmpty }, "\(command) csv")
                case "geojson":
                    let fc = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
                    #expect(fc?["type"] as? String == "FeatureCollection", "\(command) geojson")
                default: #expect(!text.isEmpty)
                }
            }
        }
    }

    @Test func aDistrictWithAThousandChildrenAndEightHundredSeatsLacksTwoHundred() throws {
        let result = try json(["deficit", "--kind", "school", "--max-m", "5000"] + overSocket)
        let rows = try #require(result["rows"] as? [[String: Any]])
        let east = try #require(rows.first { $0["group"] as? String == "R2" })
        #expect(east["demand"] as? Double == 1000 && east["seats"] as? Double == 800 && east["deficit"] as? Double == 200)
        let weighting = try #require(result["weighting"] as? [String: Any])
        #expect(weighting["default_share"] as? Double == 0.274 && weighting["points_with_own_share"] as? Int == 3)
        #expect((result["parameters"] as? [String: Any])?["basis"] as? String == "estimated")
        #expect(result["demand_source"] as? String == "demand_layer")
        #expect(result["capacity_norm"] as? String == "regional-practice/school/capacity")
    }

    @Test func aVillageSeventeenKilometresFromItsOnlyPolyclinicIsAGap() throws {
        let result = try json(["gaps", "--kind", "polyclinic", "--max-m", "10000", "--detour-factor", "1"] + inProcess)
        let gaps = try #require(result["gaps"] as? [[String: Any]])
        let beta = try #require(gaps.first { $0["settlement_id"] as? String == "S2" })
        #expect(beta["population"] as? Double == 800)
        let expected = Geodesic.distance(Coordinate(lon: 77.5, lat: 43.5), Coordinate(lon: 77.2895, lat: 43.5))
        #expect(abs((beta["nearest_cost"] as? Double ?? 0) - expected) < 1e-6)
        #expect(abs(expected - 17_000) < 100)
        #expect(beta["sentence"] as? String == "Beta, 800 people, 17.0 km to the nearest polyclinic")
        // Alpha (12,000) is farther still and ranks first.
        #expect(gaps.first?["settlement_id"] as? String == "S1")
    }

    @Test func coverageCitesTheUrbanNormAndListsPointsOutsideByPopulation() throws {
        let result = try json(["coverage", "--kind", "school"] + overSocket)
        #expect(result["norm"] as? String == "sp-rk-3.01-101-2013/school/urban-walk")
        #expect(result["population_total"] as? Double == 12_000)
        let outside = try #require(result["outside"] as? [[String: Any]])
        let populations = outside.compactMap { ($0["point"] as? [String: Any])?["population"] as? Double }
        #expect(populations == populations.sorted(by: >))
        #expect((result["population_within"] as? Double ?? -1) + populations.reduce(0, +) == 12_000)
    }

    @Test func accessCSVStartsWithIdAndRatio() throws {
        let text = try output(["access", "--kind", "school", "--method", "2sfca", "--catchment-m", "3000", "--format", "csv"] + inProcess)
        let rows = try CSVReference.parse(text)
        #expect(Array(rows[0].prefix(2)) == ["id", "ratio"])
        #expect(rows.count == 5)
    }

    @Test func whatIfFromAGeoJSONFileMatchesTheFlags() throws {
        let dir = try DatasetFixture.scratchDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let file = dir + "/changes.geojson"
        try Data(#"{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Point","coordinates":[77.51,43.501]},"properties":{"op":"add","capacity":400}},{"type":"Feature","geometry":null,"properties":{"op":"remove","id":"F3"}}]}"#.utf8)
            .write(to: URL(fileURLWithPath: file))
        let fromFile = try output(["whatif", "--kind", "school", "--max-m", "2000", "--changes", file, "--format", "json"] + inProcess)
        let fromFlags = try output(["whatif", "--kind", "school", "--max-m", "2000", "--add", "77.51,43.501,school,400", "--remove", "F3", "--format", "json"] + inProcess)
        #expect(fromFile == fromFlags)
        let result = try #require(try JSONSerialization.jsonObject(with: Data(fromFile.utf8)) as? [String: Any])
        let seats = try #require(result["seats"] as? [[String: Any]])
        let east = try #require(seats.first { $0["group"] as? String == "R2" })
        #expect((east["after"] as? [String: Any])?["seats"] as? Double == 900)

        // A change the contract cannot read is refused before any request, naming the feature.
        try Data(#"{"type":"FeatureCollection","features":[{"type":"Feature","geometry":null,"properties":{"op":"remove","id":"F3"}},{"type":"Feature","geometry":null,"properties":{"op":"close","id":"F2"}}]}"#.utf8)
            .write(to: URL(fileURLWithPath: file))
        let bad = try QadamProcess.run(["whatif", "--kind", "school", "--changes", file] + overSocket)
        #expect(bad.status == 1 && bad.stderr.contains("features[1]") && bad.stderr.contains("'op' must be a change op (add, remove, resize), got 'close'"),
                "\(bad.stderr)")
    }

    @Test func badParametersNameTheirField() throws {
        let unknownArea = try QadamProcess.run(["coverage", "--kind", "school", "--area", "Nowhere"] + overSocket)
        #expect(unknownArea.status == 2 && unknownArea.stderr.contains("field area"))
        // A word outside a vocabulary is the command line's own usage error, listing the words.
        let badKind = try QadamProcess.run(["coverage", "--kind", "skool"] + inProcess)
        #expect(badKind.status == 1 && badKind.stderr.contains("--kind") && badKind.stderr.contains("kindergarten"))
        let badGroup = try QadamProcess.run(["coverage", "--kind", "school", "--group-by", "street"] + inProcess)
        #expect(badGroup.status == 1 && badGroup.stderr.contains("--group-by") && badGroup.stderr.contains("urban_rural"))
        let area = try json(["coverage", "--kind", "school", "--max-m", "2000", "--area", "eastrayon"] + inProcess)
        #expect(area["population_total"] as? Double == 4000)
    }
}
