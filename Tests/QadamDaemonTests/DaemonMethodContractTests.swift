import Foundation
import QadamContract
import QadamEngine
import TestSupport
import Testing

/// `info`, `stats` and `reload` as a daemon (and, for `info`, the in-process registry) really
/// answer them, read through their contract types: each answer reads into its `Result` and
/// writes back the same object, so a member the type lacks, misnames or mistypes fails here;
/// and every member name is snake_case.
@Suite struct DaemonMethodContractTests {
    /// A layer's extent has kept the names it always had on the wire (docs/protocol.md).
    private let extentNames = Set(["minX", "minY", "maxX", "maxY"].map { "$.layer_details[].extent.\($0)" })

    @Test func infoInProcessReadsAndWritesThroughItsResult() throws {
        let dir = try DatasetFixture.scratchDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/d.qadam"
        let hash = try DatasetFixture.write(to: path)
        let service = try QueryService(datasetPath: path, loader: DatasetSnapshotLoader(normsPath: DatasetFixture.normsPath))
        let answer = try service.call("info").get()
        #expect(answer["snapshot"] == .string(hash))
        let info = try ContractAnswerChecks.roundTrip(RPC.Info.self, answer)
        #expect(info.daemon == nil && answer["version"] == nil && answer["last_reload_error"] == nil, "in-process: no runtime state")
        #expect(info.dataset.path == path && info.dataset.layers == DatasetFixture.layerCounts)
        #expect(info.dataset.layerDetails.map(\.layer) == [.districts, .settlements])
        #expect(Set(ContractAnswerChecks.nonSnakeCaseNames(in: answer, dataKeysAt: ["$.layers"])) == extentNames)
    }

    /// The daemon's `info` before and after a failed reload (`last_reload_error` null, then an
    /// object), and a `reload` that succeeds.
    @Test func infoAndReloadFromTheDaemonReadAndWriteThroughTheirResults() throws {
        let daemon = try DaemonProcess(variant: .a)
        let client = try daemon.client()
        let answer = try client.call("info").get()
        #expect(answer["last_reload_error"] == .null, "a daemon writes the member even when no reload failed")
        let info = try ContractAnswerChecks.roundTrip(RPC.Info.self, answer)
        let runtime = try #require(info.daemon)
        #expect(runtime.lastReloadError == nil && runtime.inFlight == 0 && runtime.connections >= 1)  // the start-up probe may still be open
        #expect(runtime.methods.contains("reload") && runtime.methods.contains("info"))
        #expect(Set(ContractAnswerChecks.nonSnakeCaseNames(in: answer, dataKeysAt: ["$.layers"])) == extentNames)

        let previous = daemon.contentHash
        let replaced = try DatasetFixture.replace(daemon.datasetPath, variant: .b)
        let reloadAnswer = try client.call("reload").get()
        let reloaded = try ContractAnswerChecks.roundTrip(RPC.Reload.self, reloadAnswer)
        #expect(reloadAnswer["snapshot"] == .string(replaced))
        #expect(reloaded.previous == previous && reloaded.changed && reloaded.loadSeconds >= 0)
        #expect(ContractAnswerChecks.nonSnakeCaseNames(in: reloadAnswer, dataKeysAt: []).isEmpty)

        try DatasetFixture.replaceWithGarbage(daemon.datasetPath)
        #expect(try client.call("reload").error?.code == RPCError.datasetErrorCode)
        let failedAnswer = try client.call("info").get()
        let failure = try #require(try ContractAnswerChecks.roundTrip(RPC.Info.self, failedAnswer).daemon?.lastReloadError)
        #expect(failure.message.contains(daemon.datasetPath) && !failure.at.isEmpty)
        #expect(Set(ContractAnswerChecks.nonSnakeCaseNames(in: failedAnswer, dataKeysAt: ["$.layers"])) == extentNames)
    }

    /// `stats` on a dataset with a street network (so `caches` is an object) after requests
    /// that fill its per-method table, `(unknown)` included.
    @Test func statsFromTheDaemonReadsAndWritesThroughItsResult() throws {
        let daemon = try DaemonProcess(variant: .a, withNetwork: true)
        let client = try daemon.client()
        let city: JSONValue = [.double(DatasetFixture.cityPoint.lon), .double(DatasetFixture.cityPoint.lat)]
        _ = try client.call("nearest", params: ["kind": "school", "from": city]).get()
        _ = try client.call("ping").get()
        #expect(try client.call("no_such_method").error?.code == RPCError.methodNotFoundCode)
        let answer = try client.call("stats").get()
        let stats = try ContractAnswerChecks.roundTrip(RPC.Stats.self, answer)
        #expect(Set(stats.methods.keys) == ["nearest", "ping", "(unknown)"])
        #expect(stats.methods["(unknown)"]?.errors == 1 && stats.methods["nearest"]?.count == 1)
        #expect(stats.connections.open == 1 && stats.inFlight == 0)
        #expect(stats.caches?.facilityIndexes == 1)
        #expect(ContractAnswerChecks.nonSnakeCaseNames(in: answer, dataKeysAt: ["$.methods"]).isEmpty)
    }
}
