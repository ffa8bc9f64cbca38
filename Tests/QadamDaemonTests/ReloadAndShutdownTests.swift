import Foundation
import QadamContract
import TestSupport
import Testing

@Suite struct ReloadAndShutdownTests {
    /// Eight clients query without pause while the dataset is replaced twice, the second time
    /// by a broken file: nobody sees an error, and each client's answers switch from the old
    /// hash to the new one exactly once.
    @Test func reloadUnderLoad() throws {
        let daemon = try DaemonProcess(variant: .a, arguments: ["--enable-debug-methods"])
        let hashA = daemon.contentHash
        let state = LoadState(clients: 8)
        let done = DispatchGroup()
        for slot in 0..<8 {
            // Handed to the one thread that uses it.
            nonisolated(unsafe) let client = try daemon.client()
            done.enter()
            Thread {
                defer { done.leave() }
                while !state.stopped {
                    do {
                        let result = try client.call("debug.sleep", params: ["ms": 0]).get()
                        state.record(slot, hash: result["snapshot"]?.stringValue ?? "?")
                    } catch {
                        state.fail(slot, error)
                    }
                }
            }.start()
        }
        let control = try daemon.client()
        try waitFor { state.minimumCount >= 20 }
        let hashB = try DatasetFixture.replace(daemon.datasetPath, variant: .b)
        #expect(hashA != hashB)
        let reloaded = try control.call("reload").get()
        #expect(reloaded["snapshot"] == .string(hashB) && reloaded["previous"] == .string(hashA) && reloaded["changed"] == true)

        let mark = state.minimumCount
        try waitFor { state.minimumCount >= mark + 20 }
        try DatasetFixture.replaceWithGarbage(daemon.datasetPath)
        let refused = try control.call("reload")
        #expect(refused.error?.code == RPCError.datasetErrorCode)
        #expect(refused.error?.data?["snapshot"] == .string(hashB))
        let info = try control.call("info").get()
        #expect(info["snapshot"] == .string(hashB))
        #expect(info["last_reload_error"]?["message"]?.stringValue?.contains(daemon.datasetPath) == true)

        let mark2 = state.minimumCount
        try waitFor { state.minimumCount >= mark2 + 20 }
        state.stop()
        done.wait()

        #expect(state.failures.isEmpty, "\(state.failures)")
        for hashes in state.hashes {
            let switches = zip(hashes, hashes.dropFirst()).filter { $0 != $1 }
            #expect(hashes.first == hashA && hashes.last == hashB)
            #expect(switches.count == 1 && switches.first! == (hashA, hashB))
        }
    }

    /// SIGTERM while requests run: every one is answered, then the daemon exits 0.
    @Test func sigtermDrainsRequestsInFlight() throws {
        let daemon = try DaemonProcess(arguments: ["--enable-debug-methods", "--workers", "4"])
        let clients = try (0..<4).map { _ in try daemon.client() }
        for (i, client) in clients.enumerated() {
            try client.send(RPCRequest(id: .int(Int64(i)), method: "debug.sleep", params: ["ms": 400]))
        }
        let probe = try daemon.client()
        try waitFor { try probe.call("info").get()["in_flight"]?.intValue == 4 }
        daemon.send(SIGTERM)
        for (i, client) in clients.enumerated() {
            let response = try client.readResponse()
            #expect(response.id == .int(Int64(i)))
            #expect(try response.get()["slept_ms"] == 400)
        }
        #expect(try daemon.waitForExit() == 0)
        #expect(!FileManager.default.fileExists(atPath: daemon.socketPath), "the daemon removes the socket it made")
    }

    /// When the drain timeout passes, queries still queued are answered as refused rather than
    /// run, so stopping takes about one running query, not the whole queue.
    @Test func aDrainTimeoutRefusesTheQueueInsteadOfRunningIt() throws {
        let dir = try DatasetFixture.scratchDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let config = dir + "/qadamd.toml"
        try "[limits]\ndrain_timeout_seconds = 0.5\n".write(toFile: config, atomically: true, encoding: .utf8)
        let daemon = try DaemonProcess(arguments: ["--enable-debug-methods", "--workers", "1", "--config", config])
        let client = try daemon.client()
        for id in 0..<4 { try client.send(RPCRequest(id: .int(Int64(id)), method: "debug.sleep", params: ["ms": 1500])) }
        let probe = try daemon.client()
        try waitFor { try probe.call("info").get()["in_flight"]?.intValue == 4 }
        let stopAsked = Date()
        daemon.send(SIGTERM)
        let responses = try (0..<4).map { _ in try client.readResponse() }
        #expect(try daemon.waitForExit() == 0)
        // One sleep was running (it cannot be interrupted) and ends; the three queued never ran.
        #expect(Date().timeIntervalSince(stopAsked) < 3.5, "stopping ran the queue: \(Date().timeIntervalSince(stopAsked)) s")
        #expect(responses.filter { $0.error == nil }.count == 1)
        #expect(responses.filter { $0.error?.code == RPCError.unavailableCode }.count == 3)
    }
}

/// What the load clients saw, per client.
private final class LoadState: @unchecked Sendable {
    private let lock = NSLock()
    private var _hashes: [[String]]
    private var _failures: [String] = []
    private var _stopped = false

    init(clients: Int) { _hashes = Array(repeating: [], count: clients) }

    var stopped: Bool { lock.withLock { _stopped } }
    var hashes: [[String]] { lock.withLock { _hashes } }
    var failures: [String] { lock.withLock { _failures } }
    var minimumCount: Int { lock.withLock { _hashes.map(\.count).min() ?? 0 } }

    func record(_ slot: Int, hash: String) { lock.withLock { _hashes[slot].append(hash) } }
    func fail(_ slot: Int, _ error: Error) { lock.withLock { _failures.append("client \(slot): \(error)") } }
    func stop() { lock.withLock { _stopped = true } }
}
