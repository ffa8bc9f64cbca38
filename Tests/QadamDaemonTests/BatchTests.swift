import Foundation
import QadamContract
import TestSupport
import Testing

/// JSON-RPC 2.0 batches, held to the specification's own examples (section 7, each sent as one
/// line, since the framing is a request per line): against a live daemon, whose methods are
/// not the spec's, so the spec's `sum` and `subtract` are answered as unknown methods.
@Suite struct BatchTests {
    /// The spec's examples, with what each must give: nil for no answer at all, else the
    /// (code or "result", id) of each answer, in any order.
    static let examples: [(name: String, line: String, single: Bool, answers: [(String, JSONValue)]?)] = [
        ("invalid JSON", #"[{"jsonrpc": "2.0", "method": "sum", "params": [1,2,4], "id": "1"}, {"jsonrpc": "2.0", "method"]"#,
         true, [("-32700", .null)]),
        ("an empty array", "[]", true, [("-32600", .null)]),
        ("an invalid batch, not empty", "[1]", false, [("-32600", .null)]),
        ("an invalid batch", "[1,2,3]", false, [("-32600", .null), ("-32600", .null), ("-32600", .null)]),
        ("a mixed batch", """
            [{"jsonrpc": "2.0", "method": "sum", "params": [1,2,4], "id": "1"}, \
            {"jsonrpc": "2.0", "method": "notify_hello", "params": [7]}, \
            {"jsonrpc": "2.0", "method": "subtract", "params": [42,23], "id": "2"}, \
            {"foo": "boo"}, \
            {"jsonrpc": "2.0", "method": "foo.get", "params": {"name": "myself"}, "id": "5"}, \
            {"jsonrpc": "2.0", "method": "get_data", "id": "9"}]
            """, false,
         [("-32601", "1"), ("-32601", "2"), ("-32600", .null), ("-32601", "5"), ("-32601", "9")]),
        ("notifications only", #"[{"jsonrpc": "2.0", "method": "notify_sum", "params": [1,2,4]}, {"jsonrpc": "2.0", "method": "notify_hello", "params": [7]}]"#,
         false, nil),
    ]

    private func outcome(_ response: JSONValue) -> (String, JSONValue) {
        let code = response["error"]?["code"]?.intValue.map(String.init) ?? (response["result"] != nil ? "result" : "?")
        return (code, response["id"] ?? .null)
    }

    @Test func theSpecificationsExamplesOverTheSocket() throws {
        let daemon = try DaemonProcess()
        let client = try daemon.client()
        for example in Self.examples {
            try client.sendRaw(Array(example.line.utf8) + [UInt8(ascii: "\n")])
            // A ping after each: what is read next is the example's answer, or (for a batch of
            // notifications) the ping's.
            try client.sendRaw(Array(#"{"jsonrpc":"2.0","id":"after","method":"ping"}"#.utf8) + [UInt8(ascii: "\n")])
            guard let expected = example.answers else {
                let next = try JSONText.parse(try client.readLine())
                #expect(next["id"] == "after", "\(example.name): \(next)")
                continue
            }
            let answer = try JSONText.parse(try client.readLine())
            if example.single {
                #expect(answer.arrayValue == nil, "\(example.name): \(answer)")
                let got = outcome(answer)
                #expect(got.0 == expected[0].0 && got.1 == expected[0].1, "\(example.name): \(answer)")
            } else {
                let items = try #require(answer.arrayValue, "\(example.name): \(answer)")
                let got = items.map(outcome).map { "\($0.0) \($0.1)" }.sorted()
                #expect(got == expected.map { "\($0.0) \($0.1)" }.sorted(), "\(example.name)")
                #expect(items.allSatisfy { $0["jsonrpc"] == "2.0" })
            }
            #expect(try JSONText.parse(try client.readLine())["id"] == "after", "\(example.name)")
        }
    }

    /// A batch of real questions is answered as the same questions one by one.
    @Test func aBatchOfRealMethodsAnswersAsSingleRequestsDo() throws {
        let daemon = try DaemonProcess()
        let client = try daemon.client()
        let requests: [(JSONValue, String, JSONValue)] = [
            (1, "ping", .null), ("two", "locate", ["at": [77.2, 43.6]]), (3, "info", .null), (4, "resolve", ["name": "beta"]),
        ]
        var singles: [String: JSONValue] = [:]
        for (id, method, params) in requests {
            singles["\(id)"] = try client.call(method, params: params).get()
        }
        let batch = try requests.map { try RPCRequest(id: $0.0, method: $0.1, params: $0.2).line() }.joined(separator: ",")
        try client.sendRaw(Array("[\(batch)]\n".utf8))
        let items = try #require(try JSONText.parse(try client.readLine()).arrayValue)
        #expect(items.count == requests.count)
        for item in items {
            let id = try #require(item["id"])
            var result = item["result"]
            var single = singles["\(id)"]
            // `info` reports the daemon's live counters, which differ from call to call.
            if id == 3 { result = result?["snapshot"]; single = single?["snapshot"] }
            #expect(result != nil && result == single, "\(id)")
        }
    }

    /// The answers of a batch together stay within the result limit; over it, answers are
    /// replaced by -32002 errors under their ids, and the daemon serves on.
    @Test func aBatchIsHeldToTheResultLimit() throws {
        let daemon = try DaemonProcess(arguments: ["--enable-debug-methods", "--max-result-bytes", "3000"])
        let client = try daemon.client()
        let batch = try (1...5).map { try RPCRequest(id: .int(Int64($0)), method: "debug.bytes", params: ["count": 900]).line() }
        try client.sendRaw(Array("[\(batch.joined(separator: ","))]\n".utf8))
        let line = try client.readLine()
        #expect(line.count <= 3000)
        let items = try #require(try JSONText.parse(line).arrayValue)
        #expect(items.count == 5)
        let tooLarge = items.filter { $0["error"]?["code"]?.intValue == Int64(RPCError.resultTooLargeCode) }
        #expect(!tooLarge.isEmpty && tooLarge.count < 5)
        #expect(Set(items.compactMap { $0["id"]?.intValue }) == [1, 2, 3, 4, 5])
        #expect(try client.call("ping").get()["pong"] == true)
    }

    /// Over the count limit, a batch is refused whole, in one answer.
    @Test func anOversizedBatchIsRefusedWhole() throws {
        let daemon = try DaemonProcess()
        let client = try daemon.client()
        let one = #"{"jsonrpc":"2.0","id":1,"method":"ping"}"#
        try client.sendRaw(Array("[\(Array(repeating: one, count: RPCLine.maximumBatchCount + 1).joined(separator: ","))]\n".utf8))
        let answer = try JSONText.parse(try client.readLine())
        #expect(answer["error"]?["code"]?.intValue == Int64(RPCError.invalidRequestCode))
        #expect(answer["error"]?["message"]?.stringValue?.contains("limit of \(RPCLine.maximumBatchCount)") == true)
    }
}
