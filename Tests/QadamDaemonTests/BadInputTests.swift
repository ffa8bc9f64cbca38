import Foundation
import QadamContract
import TestSupport
import QadamGeo
import Testing
import QadamClient

/// Hostile and careless clients against a live daemon: each error is answered, the
/// connection survives where the protocol allows, and the daemon keeps serving others.
@Suite struct BadInputTests {
    @Test func malformedLinesAreAnsweredAndTheConnectionSurvives() throws {
        let daemon = try DaemonProcess(arguments: ["--enable-debug-methods"])
        let client = try daemon.client()
        var rng = SplitMix64(seed: 7)
        let garbage = (0..<4096).map { _ in UInt8(rng.next() % 256) }.filter { $0 != UInt8(ascii: "\n") }
        let cases: [([UInt8], Int)] = [
            (garbage, RPCError.parseErrorCode),
            (Array(#"{"jsonrpc":"2.0","id":1,"method":"ping","params":{"x":NaN}}"#.utf8), RPCError.parseErrorCode),
            (Array(String(repeating: "[", count: 200_000).utf8), RPCError.invalidRequestCode),
            (Array((#"{"jsonrpc":"2.0","id":2,"method":"ping","params":{"a":"# + String(repeating: "{\"a\":", count: 5000)).utf8), RPCError.invalidRequestCode),
            (Array(#"{"jsonrpc":"2.0","id":3,"method":"no.such.method"}"#.utf8), RPCError.methodNotFoundCode),
            (Array(#"{"jsonrpc":"2.0","id":4,"method":"debug.sleep","params":{"ms":"soon"}}"#.utf8), RPCError.invalidParamsCode),
            (Array(#"{"jsonrpc":"2.0","id":5,"method":"debug.sleep","params":{"ms":-1}}"#.utf8), RPCError.invalidParamsCode),
            (Array(#"{"jsonrpc":"1.0","id":6,"method":"ping"}"#.utf8), RPCError.invalidRequestCode),
        ]
        for (line, code) in cases {
            try client.sendRaw(line + [UInt8(ascii: "\n")])
            let response = try client.readResponse()
            #expect(response.error?.code == code, "\(String(decoding: line.prefix(60), as: UTF8.self))")
            #expect(try client.call("ping").get()["pong"] == true)
        }
        let badParams = try client.call("debug.sleep", params: ["ms": "soon"])
        #expect(badParams.error?.message.contains("'ms'") == true)
    }

    /// Paging numbers at the edges of Int (negative row limits, offsets near Int.max) are
    /// refused or clamped; none may trap and take the daemon down.
    @Test func extremePagingNumbersNeverCrashTheDaemon() throws {
        let daemon = try DaemonProcess(variant: .services, withNetwork: true)
        let client = try daemon.client()
        let huge = JSONValue.int(Int64.max)
        for method in ["coverage", "deficit"] {
            let answer = try client.call(method, params: ["kind": "school", "limit": -1])
            #expect(answer.error?.code == RPCError.invalidParamsCode && answer.error?.data?["field"] == "limit", "\(method)")
        }
        for method in ["provision", "gaps"] {
            let answer = try client.call(method, params: ["limit": -5])
            #expect(answer.error?.code == RPCError.invalidParamsCode, "\(method)")
        }
        let point: JSONValue = [.double(DatasetFixture.cityPoint.lon), .double(DatasetFixture.cityPoint.lat)]
        for params: JSONValue in [["from": [point], "to": [point], "from_limit": huge],
                                  ["from": [point], "to": [point], "from_offset": huge],
                                  ["from": [point], "to": [point], "from_offset": huge, "from_limit": huge]] {
            let answer = try client.call("matrix", params: params)
            #expect(answer.error == nil, "\(params): \(String(describing: answer.error))")
        }
        #expect(try client.call("ping").get()["pong"] == true)
    }

    @Test func pipelinedRequestsAreAllAnsweredByID() throws {
        let daemon = try DaemonProcess(arguments: ["--enable-debug-methods"])
        let client = try daemon.client()
        var lines: [UInt8] = []
        for id in 0..<50 {
            let method = id % 2 == 0 ? "ping" : "debug.sleep"
            let params: JSONValue = id % 2 == 0 ? .null : ["ms": .int(Int64(id % 7))]
            lines += Array((try RPCRequest(id: .int(Int64(id)), method: method, params: params).line() + "\n").utf8)
        }
        try client.sendRaw(lines)
        var seen = Set<JSONValue>()
        for _ in 0..<50 {
            let response = try client.readResponse()
            #expect(response.error == nil)
            seen.insert(response.id)
        }
        #expect(seen == Set((0..<50).map { JSONValue.int(Int64($0)) }))
    }

    @Test func overlongLineIsRefusedWithoutMemoryBlowup() throws {
        let daemon = try DaemonProcess()
        let baseline = try daemon.residentKiB()
        // One thread writes while this one reads: the two directions of one socket.
        nonisolated(unsafe) let client = try daemon.client()
        let sender = Thread {
            // The daemon closes after 1 MiB, so most of this write fails; that is expected.
            try? client.sendRaw([UInt8](repeating: UInt8(ascii: "a"), count: 10 << 20))
        }
        sender.start()
        let response = try client.readResponse()
        #expect(response.error?.code == RPCError.invalidRequestCode)
        #expect(response.error?.message.contains("1048576") == true)
        #expect(throws: RPCClient.ClientError.self) { try client.readLine() }
        #expect(try daemon.client().call("ping").get()["pong"] == true)
        #expect(try daemon.residentKiB() < baseline + 8 * 1024)
    }

    @Test func halfARequestThenCloseLeavesTheDaemonServing() throws {
        let daemon = try DaemonProcess()
        do {
            let client = try daemon.client()
            try client.sendRaw(Array(#"{"jsonrpc":"2.0","id":1,"meth"#.utf8))
        }
        #expect(try daemon.client().call("ping").get()["pong"] == true)
    }

    @Test func thousandIdleConnectionsDoNotStopPingOrLeakMemory() throws {
        let daemon = try DaemonProcess()
        let probe = try daemon.client()
        _ = try probe.call("ping")
        let baseline = try daemon.residentKiB()
        var idle: [RPCClient] = []
        for _ in 0..<1000 { idle.append(try daemon.client()) }
        #expect(try probe.call("ping").get()["pong"] == true)
        try waitFor { try probe.call("info").get()["connections"]?.intValue == 1001 }
        idle.removeAll()
        try waitFor { try probe.call("info").get()["connections"]?.intValue == 1 }
        #expect(try probe.call("ping").get()["pong"] == true)
        let after = try daemon.residentKiB()
        #expect(after < baseline + 16 * 1024, "RSS \(baseline) KiB before, \(after) KiB after")
    }

    @Test func idleConnectionsAreClosedButNotWhileAnAnswerIsOwed() throws {
        let daemon = try DaemonProcess(arguments: ["--enable-debug-methods", "--idle-timeout", "0.5"])
        // Within 5 s, a read ends only because the daemon closed the connection.
        func closedByDaemon(_ client: RPCClient) -> Bool {
            do {
                _ = try client.readLine()
                return false
            } catch {
                if case .closedByDaemon = error { return true }
                return false
            }
        }
        let idle = try daemon.client(timeout: 5)
        let busy = try daemon.client(timeout: 5)
        let talking = try daemon.client()
        // A query that outlasts the idle time keeps its connection open until it is answered.
        try busy.send(RPCRequest(id: 1, method: "debug.sleep", params: ["ms": 900]))
        // A connection that sends a request every 0.2 s is never idle.
        for _ in 0..<6 {
            #expect(try talking.call("ping").get()["pong"] == true)
            Thread.sleep(forTimeInterval: 0.2)
        }
        #expect(try busy.readResponse().error == nil)
        // The silent one was closed, and the answered one is once it has been idle in turn.
        #expect(closedByDaemon(idle))
        #expect(closedByDaemon(busy))
        #expect(try talking.call("ping").get()["pong"] == true)
    }

    /// Every read ends part-way into a line (spaces, then the newline in the next read): the
    /// lines already handed out must not pile up behind the partial one.
    @Test func readsThatEndMidLineDoNotGrowMemory() throws {
        let daemon = try DaemonProcess()
        let probe = try daemon.client()
        _ = try probe.call("ping")
        let baseline = try daemon.residentKiB()
        let client = try daemon.client()
        let chunk = [UInt8(ascii: "\n")] + [UInt8](repeating: UInt8(ascii: " "), count: 60_000)
        for _ in 0..<2_000 { try client.sendRaw(chunk) } // 120 MB of blank lines
        try client.sendRaw(Array("\n".utf8))
        #expect(try client.call("ping").get()["pong"] == true)
        let after = try daemon.residentKiB()
        #expect(after < baseline + 32 * 1024, "RSS \(baseline) KiB before, \(after) KiB after")
    }

    /// A client that asks for a large answer and stops reading is closed by the idle check,
    /// like a silent one, instead of holding its slot and its answer for ever.
    @Test func aClientThatStopsReadingIsClosedWhenIdle() throws {
        let daemon = try DaemonProcess(arguments: ["--enable-debug-methods", "--idle-timeout", "0.5"])
        let probe = try daemon.client()
        let stuck = try daemon.client()
        try stuck.send(RPCRequest(id: 1, method: "debug.bytes", params: ["count": 20_000_000]))
        try waitFor { try probe.call("info").get()["connections"]?.intValue == 2 }
        Thread.sleep(forTimeInterval: 0.3)
        #expect(try probe.call("ping").get()["pong"] == true) // the probe stays busy, never idle
        try waitFor { try probe.call("info").get()["connections"]?.intValue == 1 }
    }

    @Test func oversizedResultsAndSlowQueriesGetApplicationErrors() throws {
        let daemon = try DaemonProcess(arguments: ["--enable-debug-methods", "--max-result-bytes", "2000",
                                                   "--request-timeout", "0.3", "--workers", "1"])
        let client = try daemon.client()
        let large = try client.call("debug.bytes", params: ["count": 5000])
        #expect(large.error?.code == RPCError.resultTooLargeCode)
        #expect(large.error?.message.contains("pages") == true)
        #expect(try client.call("debug.bytes", params: ["count": 100]).error == nil)

        let slow = try daemon.client()
        try slow.send(RPCRequest(id: 1, method: "debug.sleep", params: ["ms": 1500]))
        // The only worker is busy, yet the daemon's own methods answer.
        try waitFor { try client.call("info").get()["in_flight"]?.intValue == 1 }
        #expect(try client.call("ping").get()["pong"] == true)
        let timedOut = try slow.readResponse()
        #expect(timedOut.error?.code == RPCError.unavailableCode)
        #expect(timedOut.error?.message.contains("timed out") == true)
    }

    @Test func configFileLimitsApplyAndTyposStopTheDaemon() throws {
        let dir = try DatasetFixture.scratchDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let good = dir + "/good.toml"
        try """
            # a queue of one: the third request must be refused
            [limits]
            workers = 1
            max_queued_requests = 1
            """.write(toFile: good, atomically: true, encoding: .utf8)
        let daemon = try DaemonProcess(arguments: ["--enable-debug-methods", "--config", good])
        let client = try daemon.client()
        for id in 1...3 { try client.send(RPCRequest(id: .int(Int64(id)), method: "debug.sleep", params: ["ms": 300])) }
        let codes = try (1...3).map { _ in try client.readResponse().error?.code }
        #expect(codes.filter { $0 == RPCError.unavailableCode }.count == 1)
        #expect(codes.filter { $0 == nil }.count == 2)

        let bad = dir + "/bad.toml"
        try "[limits]\nworkerz = 2\n".write(toFile: bad, atomically: true, encoding: .utf8)
        let refused = try DaemonProcess(arguments: ["--config", bad], waitForSocket: false)
        #expect(try refused.waitForExit() != 0)
        #expect(refused.log().contains("limits.workerz"))
    }
}
