import Foundation
import QadamContract
import TestSupport
import Testing

/// A request that times out is answered -32003 at once, and its work stops at the next check
/// between searches, so the worker is free again within a small multiple of the timeout
/// (before cancellation it ran to its end, and a handful of slow queries filled the pool).
@Suite(.enabled(if: SharedGeodata.shouldRun, SharedGeodata.skipReason))
struct CancellationTests {
    @Test func aTimedOutMatrixFreesItsWorkerWithinThreeTimesTheTimeout() throws {
        let dir = try DatasetFixture.scratchDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let dataset = dir + "/almaty.sqlite"
        let imported = try QadamProcess.run(["import", SharedGeodata.file("networks-kz/almaty_osm_2012.osm.pbf").path,
                                             "--dataset", dataset, "--missing-nodes", "cut"])
        #expect(imported.status == 0, "\(imported.stderr)")
        let timeout = 0.5
        let daemon = try DaemonProcess(copying: dataset, arguments: ["--request-timeout", "\(timeout)", "--workers", "1"])
        // 300 × 150 points over the city: every origin's search runs over most of the graph,
        // seconds of work in all.
        var rng = SystemRandomNumberGenerator()
        func points(_ n: Int) -> JSONValue {
            .array((0..<n).map { _ in [.double(Double.random(in: 76.85...77.0, using: &rng)), .double(Double.random(in: 43.20...43.30, using: &rng))] })
        }
        let slow = try daemon.client()
        let answer = try slow.call("matrix", params: ["from": points(300), "to": points(150)])
        #expect(answer.error?.code == RPCError.unavailableCode && answer.error?.message.contains("timed out") == true,
                "\(String(describing: answer.error))")
        // The only worker must be free again soon: a pool request answers within 3x the timeout.
        let started = Date()
        let locate = try daemon.client().call("locate", params: ["at": [76.95, 43.25]])
        let waited = Date().timeIntervalSince(started)
        #expect(locate.error == nil, "\(String(describing: locate.error))")
        #expect(waited < 3 * timeout, "the worker was busy for another \(waited) s after the timeout")
    }
}
