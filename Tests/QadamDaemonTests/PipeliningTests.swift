import Foundation
import QadamContract
import TestSupport
import Testing

/// Requests pipelined on one connection: a slow one does not hold back a fast one behind it,
/// and the client hands each caller its own answer whatever order they arrive in.
@Suite struct PipeliningTests {
    @Test func aFastAnswerOvertakesASlowOneAndEachCallerGetsItsOwn() throws {
        let daemon = try DaemonProcess(arguments: ["--enable-debug-methods"])
        let client = try daemon.client()
        let started = Date()
        let slow = try client.start("debug.sleep", params: ["ms": 400])
        let fast = try client.start("ping")
        let pong = try client.response(to: fast)
        let pongAfter = Date().timeIntervalSince(started)
        #expect(pong.id == fast && (try? pong.outcome.get())?["pong"] == true)
        #expect(pongAfter < 0.35, "ping waited \(pongAfter) s behind the sleep")
        let slept = try client.response(to: slow)
        #expect(slept.id == slow && (try? slept.outcome.get())?["slept_ms"] == 400)
    }

    /// The typed path (`start(_:writing:)`, `response(to:reading:)`) shares the answers it reads
    /// on the way with untyped callers, and theirs with it.
    @Test func typedAndUntypedCallersShareOneConnection() throws {
        let daemon = try DaemonProcess()
        let client = try daemon.client()
        let origins = [RPC.Audit.Params.Origin(id: "o1", at: [76.95, 43.25]), .init(id: "o2", at: [200, 0])]
        func startAudit(_ params: RPC.Audit.Params = .init(kind: .school, origins: origins)) throws -> JSONValue {
            try client.start(RPC.Audit.name, writing: params)
        }

        // Both answers are waiting when the typed caller reads: it passes over the ping's.
        let ping = try client.start("ping")
        let audit = try startAudit()
        Thread.sleep(forTimeInterval: 0.2)
        let rows = try client.response(to: audit, reading: RPC.Audit.OriginsResult.self).get().rows
        #expect(rows.map(\.id) == ["o1", "o2"] && rows[1].error?.contains("outside EPSG:4326") == true, "\(rows)")
        #expect((try client.response(to: ping).get())["pong"] == true)

        // And the other way round: the audit's answer is in before the ping is even sent.
        let audit2 = try startAudit()
        Thread.sleep(forTimeInterval: 0.2)
        let ping2 = try client.start("ping")
        #expect((try client.response(to: ping2).get())["pong"] == true)
        #expect(try client.response(to: audit2, reading: RPC.Audit.OriginsResult.self).get().rows == rows)

        let refused = try startAudit(.init(origins: origins))
        guard case .failure(let error) = try client.response(to: refused, reading: RPC.Audit.OriginsResult.self) else {
            Issue.record("an audit without a kind was answered")
            return
        }
        #expect(error.code == RPCError.invalidParamsCode && error.data?["field"] == "kind", "\(error)")
    }
}
