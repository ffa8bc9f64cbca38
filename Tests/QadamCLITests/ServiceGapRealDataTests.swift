import Foundation
import TestSupport
import Testing

/// Provision and agglomeration zones over the 9,899 HOT OSM settlements with Kazakhstan's
/// oblasts and rayons, Almaty's hospitals and the agglomeration fact table. No network, so every
/// distance is geodesic × detour factor and labelled estimated.
@Suite(.enabled(if: SharedGeodata.shouldRun, SharedGeodata.skipReason))
struct ServiceGapRealDataTests {
    static func dataset() throws -> (String, String) {
        let dir = try DatasetFixture.scratchDirectory()
        let path = dir + "/kz.qadam"
        let imports: [(String, [String])] = [
            (SharedGeodata.file("boundaries/kz_adm1_2024_geokz.geojson").path, []),
            (SharedGeodata.file("boundaries/kz_adm2_2024_geokz.geojson").path, []),
            (SharedGeodata.file("settlements/kz_populated_places_hotosm.geojson").path, []),
            (SharedGeodata.repositoryRoot.appendingPathComponent("geodata/facts/agglomerations.csv").path, ["--layer", "agglomerations", "--field", "name=name_en"]),
        ]
        for (file, extra) in imports {
            let r = try QadamProcess.run(["import", file, "--dataset", path] + extra)
            #expect(r.status == 0, "import \(file): \(r.stderr)")
        }
        return (dir, path)
    }

    @Test func provisionAndZonesOverEverySettlement() throws {
        let (dir, path) = try Self.dataset()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let base = ["--dataset", path, "--norms", DatasetFixture.normsPath, "--format", "json"]
        let provision = try QadamProcess.run(["provision", "--limit", "5"] + base)
        #expect(provision.status == 0, "\(provision.stderr)")
        let p = try #require(try provision.json() as? [String: Any])
        #expect(p["settlement_count"] as? Int == 9_899)
        #expect(p["class_from_osm_place"] as? Int == 9_899)
        let checks = try #require(p["checks"] as? [[String: Any]])
        #expect(!checks.isEmpty && checks.allSatisfy { $0["basis"] as? String == "estimated" && $0["detour_factor"] as? Double == 1.3 })
        let groups = try #require(p["groups"] as? [[String: Any]])
        #expect(groups.filter { $0["key"] as? String == "oblast" }.count >= 17)

        let zones = try QadamProcess.run(["agglomerations"] + base)
        #expect(zones.status == 0, "\(zones.stderr)")
        let z = try #require(try zones.json() as? [String: Any])
        let almaty = try #require((z["agglomerations"] as? [[String: Any]])?.first { $0["id"] as? String == "almaty" })
        let summary = try #require(almaty["summary"] as? [[String: Any]])
        #expect(summary.map { $0["settlements"] as? Int ?? 0 }.reduce(0, +) == 9_899)
        let intensive = try #require(summary.first { $0["zone"] as? String == "intensive" })
        #expect((intensive["settlements"] as? Int ?? 0) > 100)
        #expect(z["basis"] as? String == "estimated")
    }
}
