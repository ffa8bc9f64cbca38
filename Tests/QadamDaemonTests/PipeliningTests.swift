import Foundation
import QadamProtocol
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
}
