import Foundation
import NIOCore
import QadamContract
@testable import QadamServer
import QadamGeo
import Testing

/// The connection handler on an `EmbeddedChannel`: framing, limits, the idle rule and the
/// peer check, with a real router behind it and the loop's clock in the test's hands.
@Suite struct ConnectionHandlerTests {
    private func ping(_ id: Int) -> String { #"{"jsonrpc":"2.0","id":\#(id),"method":"ping"}"# }

    /// Requests cut at random places across reads, with CRLF and blank lines between them,
    /// are each answered once, under their ids.
    @Test func requestsSplitAcrossReadsAreFramedAtNewlines() throws {
        var rng = SplitMix64(seed: 0xF4A3E)
        for round in 0..<20 {
            let server = try EmbeddedServer()
            let count = 1 + Int(rng.next() % 6)
            var text = ""
            for id in 0..<count { text += ping(id) + (rng.next() % 2 == 0 ? "\n" : "\r\n") + (rng.next() % 3 == 0 ? "\n  \n" : "") }
            var bytes = Array(text.utf8)
            var answers: [String] = []
            while !bytes.isEmpty {
                let take = min(bytes.count, 1 + Int(rng.next() % 40))
                try server.send(String(decoding: bytes.prefix(take), as: UTF8.self))
                bytes.removeFirst(take)
                answers += try server.lines()
            }
            let ids = try answers.map { try EmbeddedServer.json($0)["id"]?.intValue }
            #expect(ids == (0..<count).map { Int64($0) }, "round \(round): \(answers)")
        }
    }

    /// A line's answer waits for its newline: half a request gets nothing yet.
    @Test func anUnfinishedLineIsNotAnswered() throws {
        let server = try EmbeddedServer()
        try server.send(String(ping(1).dropLast(3)))
        #expect(try server.lines().isEmpty)
        try server.send("\"}\n")
        #expect(try server.lines().count == 1)
    }

    /// A line over the limit is refused with -32600 as soon as the limit is passed, without its
    /// end; what the client sends after it is read and dropped, not answered.
    @Test func anOverlongLineIsRefusedAndTheRestIgnored() throws {
        var config = DaemonConfig()
        config.maxRequestBytes = 100
        let server = try EmbeddedServer(config: config)
        try server.send(String(repeating: "x", count: 101))
        let refusal = try #require(try server.lines().first)
        #expect(try EmbeddedServer.json(refusal)["error"]?["code"]?.intValue == Int64(RPCError.invalidRequestCode))
        #expect(refusal.contains("longer than 100 bytes"))
        try server.send("\n" + ping(2) + "\n")
        #expect(try server.lines().isEmpty)
    }

    /// Nothing read and nothing owed for the idle timeout: closed. A connection whose query is
    /// still running is kept however long it takes.
    @Test func idleConnectionsCloseButNotWhileAnAnswerIsOwed() throws {
        var config = DaemonConfig()
        config.idleTimeoutSeconds = 5
        let idle = try EmbeddedServer(config: config)
        try idle.send(ping(1) + "\n")
        #expect(try idle.lines().count == 1)
        idle.loop.advanceTime(by: .seconds(4))
        #expect(idle.channel.isActive)
        idle.loop.advanceTime(by: .seconds(2))
        #expect(!idle.channel.isActive)

        let busy = try EmbeddedServer(config: config)
        try busy.send(#"{"jsonrpc":"2.0","id":7,"method":"debug.sleep","params":{"ms":300}}"# + "\n")
        busy.loop.advanceTime(by: .seconds(60))
        #expect(busy.channel.isActive, "closed while its query ran")
        let answer = try busy.lines(count: 1)
        #expect(try answer.first.map(EmbeddedServer.json)?["id"] == 7)
        busy.loop.advanceTime(by: .seconds(6))
        #expect(!busy.channel.isActive)
    }

    /// A peer outside the allow-list gets -32005 and the connection is closed; its requests
    /// are never run.
    @Test func aPeerOffTheAllowListIsRefused() throws {
        let server = try EmbeddedServer(allowedUIDs: [12345], peerUID: 54321)
        let refusal = try #require(try server.lines().first)
        #expect(try EmbeddedServer.json(refusal)["error"]?["code"]?.intValue == Int64(RPCError.accessDeniedCode))
        #expect(!server.channel.isActive)
    }

    /// Notifications are run and never answered; a batch mixes both.
    @Test func notificationsGetNoLine() throws {
        let server = try EmbeddedServer()
        try server.send(#"{"jsonrpc":"2.0","method":"ping"}"# + "\n" + ping(3) + "\n")
        let lines = try server.lines()
        #expect(lines.count == 1)
        #expect(try EmbeddedServer.json(lines[0])["id"] == 3)
    }
}
