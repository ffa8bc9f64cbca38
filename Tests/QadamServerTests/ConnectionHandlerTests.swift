import Foundation
import NIOCore
import QadamContract
@testable import QadamServer
import QadamGeo
import Testing

/// The connection handler on a testing channel: framing, limits, the idle rule, batches and
/// the peer check, with a real router behind it and the loop's clock in the test's hands.
@Suite struct ConnectionHandlerTests {
    private func ping(_ id: Int) -> String { #"{"jsonrpc":"2.0","id":\#(id),"method":"ping"}"# }
    private func sleep(_ id: Int, ms: Int) -> String { #"{"jsonrpc":"2.0","id":\#(id),"method":"debug.sleep","params":{"ms":\#(ms)}}"# }

    /// Requests cut at random places across reads, with CRLF and blank lines between them,
    /// are each answered once, under their ids.
    @Test func requestsSplitAcrossReadsAreFramedAtNewlines() async throws {
        var rng = SplitMix64(seed: 0xF4A3E)
        for round in 0..<20 {
            let server = try await EmbeddedServer()
            let count = 1 + Int(rng.next() % 6)
            var text = ""
            for id in 0..<count { text += ping(id) + (rng.next() % 2 == 0 ? "\n" : "\r\n") + (rng.next() % 3 == 0 ? "\n  \n" : "") }
            var bytes = Array(text.utf8)
            var answers: [String] = []
            while !bytes.isEmpty {
                let take = min(bytes.count, 1 + Int(rng.next() % 40))
                try await server.send(String(decoding: bytes.prefix(take), as: UTF8.self))
                bytes.removeFirst(take)
                answers += try await server.lines()
            }
            let ids = try answers.map { try EmbeddedServer.json($0)["id"]?.intValue }
            #expect(ids == (0..<count).map { Int64($0) }, "round \(round): \(answers)")
            try await server.stop()
        }
    }

    /// A line's answer waits for its newline: half a request gets nothing yet.
    @Test func anUnfinishedLineIsNotAnswered() async throws {
        let server = try await EmbeddedServer()
        try await server.send(String(ping(1).dropLast(3)))
        #expect(try await server.lines().isEmpty)
        try await server.send("\"}\n")
        #expect(try await server.lines().count == 1)
        try await server.stop()
    }

    /// A line over the limit is refused with -32600 as soon as the limit is passed, without its
    /// end; what the client sends after it is read and dropped, not answered.
    @Test func anOverlongLineIsRefusedAndTheRestIgnored() async throws {
        var config = DaemonConfig()
        config.maxRequestBytes = 100
        let server = try await EmbeddedServer(config: config)
        try await server.send(String(repeating: "x", count: 101))
        let refusal = try #require(try await server.lines().first)
        #expect(try EmbeddedServer.json(refusal)["error"]?["code"]?.intValue == Int64(RPCError.invalidRequestCode))
        #expect(refusal.contains("longer than 100 bytes"))
        try await server.send("\n" + ping(2) + "\n")
        #expect(try await server.lines().isEmpty)
        try await server.stop()
    }

    /// Nothing read and nothing owed for the idle timeout: closed. A connection whose query is
    /// still running is kept past the idle timeout, until its answer is out: here the request
    /// timeout's (40 s of the loop's clock, which the test moves), so nothing depends on how
    /// fast this machine runs the worker.
    @Test func idleConnectionsCloseButNotWhileAnAnswerIsOwed() async throws {
        var config = DaemonConfig()
        config.idleTimeoutSeconds = 5
        config.requestTimeoutSeconds = 40
        let idle = try await EmbeddedServer(config: config)
        try await idle.send(ping(1) + "\n")
        #expect(try await idle.lines().count == 1)
        await idle.loop.advanceTime(by: .seconds(4))
        #expect(idle.channel.isActive)
        await idle.loop.advanceTime(by: .seconds(2))
        #expect(!idle.channel.isActive)
        try await idle.stop()

        let busy = try await EmbeddedServer(config: config)
        try await busy.send(sleep(7, ms: 60_000) + "\n")
        await busy.loop.advanceTime(by: .seconds(30))
        #expect(busy.channel.isActive, "closed while its query ran")
        #expect(try await busy.lines().isEmpty)
        await busy.loop.advanceTime(by: .seconds(11))
        let answer = try #require(try await busy.lines(count: 1).first.map(EmbeddedServer.json))
        #expect(answer["id"] == 7 && answer["error"]?["code"]?.intValue == Int64(RPCError.unavailableCode), "\(answer)")
        await busy.loop.advanceTime(by: .seconds(6))
        #expect(!busy.channel.isActive)
        try await busy.stop()
    }

    /// A batch is one answer line, once its slowest member is answered (here by the request
    /// timeout, on the loop's clock), and keeps the connection open meanwhile; a batch of
    /// notifications is answered by nothing and owes nothing, so the idle rule closes the
    /// connection on time.
    @Test func batchesAnswerOnceAndOweNothingWhenAllAreNotifications() async throws {
        var config = DaemonConfig()
        config.idleTimeoutSeconds = 5
        config.requestTimeoutSeconds = 40
        let server = try await EmbeddedServer(config: config)
        try await server.send("[\(ping(1)),\(sleep(2, ms: 60_000))]\n")
        await server.loop.advanceTime(by: .seconds(30))
        #expect(server.channel.isActive)
        let early = try await server.lines()
        #expect(early.isEmpty, "the batch waits for its slowest member: \(early)")
        await server.loop.advanceTime(by: .seconds(11))
        let line = try #require(try await server.lines(count: 1).first)
        let answers = try #require(try EmbeddedServer.json(line).arrayValue)
        #expect(answers.compactMap { $0["id"]?.intValue }.sorted() == [1, 2])
        #expect(answers.contains { $0["id"] == 1 && $0["result"]?["pong"] == true })
        #expect(answers.contains { $0["id"] == 2 && $0["error"]?["code"]?.intValue == Int64(RPCError.unavailableCode) })

        try await server.send(#"[{"jsonrpc":"2.0","method":"ping"},{"jsonrpc":"2.0","method":"ping"}]"# + "\n")
        #expect(try await server.lines().isEmpty)
        await server.loop.advanceTime(by: .seconds(6))
        #expect(!server.channel.isActive, "a batch of notifications left an answer owed")
        try await server.stop()
    }

    /// A peer outside the allow-list gets -32005 and the connection is closed; its requests
    /// are never run.
    @Test func aPeerOffTheAllowListIsRefused() async throws {
        let server = try await EmbeddedServer(allowedUIDs: [12345], peerUID: 54321)
        let refusal = try #require(try await server.lines().first)
        #expect(try EmbeddedServer.json(refusal)["error"]?["code"]?.intValue == Int64(RPCError.accessDeniedCode))
        #expect(!server.channel.isActive)
        try await server.stop()
    }

    /// A notification is run and never answered.
    @Test func notificationsGetNoLine() async throws {
        let server = try await EmbeddedServer()
        try await server.send(#"{"jsonrpc":"2.0","method":"ping"}"# + "\n" + ping(3) + "\n")
        let lines = try await server.lines()
        #expect(lines.count == 1)
        #expect(try EmbeddedServer.json(lines[0])["id"] == 3)
        try await server.stop()
    }
}
