import Foundation
import QadamContract
import TestSupport
import Testing

/// Replays every example in docs/protocol.md against a live daemon, in document order, so the
/// documentation cannot drift from what the daemon says.
@Suite struct ProtocolExamplesTests {
    /// Members whose values change from run to run; they must be present, any value.
    static let volatileKeys: Set<String> = [
        "dataset", "norms", "build_time", "imported_at", "uptime_seconds", "loaded_at", "started_at",
        "load_seconds", "connections", "p50_ms", "p90_ms", "p99_ms", "max_ms",
    ]

    struct Exchange {
        let request: String
        let expected: String
        let line: Int
    }

    /// `-->`/`<--` pairs from fenced blocks whose info string is exactly `fence`.
    static func examples(fence: String) throws -> [Exchange] {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let text = try String(contentsOf: root.appendingPathComponent("docs/protocol.md"), encoding: .utf8)
        var exchanges: [Exchange] = []
        var inBlock = false
        var pending: (String, Int)?
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if line.hasPrefix("```") {
                inBlock = !inBlock && line.dropFirst(3) == fence
                continue
            }
            guard inBlock else { continue }
            if line.hasPrefix("--> ") {
                pending = (String(line.dropFirst(4)), index + 1)
            } else if line.hasPrefix("<-- "), let (request, at) = pending {
                exchanges.append(Exchange(request: request, expected: String(line.dropFirst(4)), line: at))
                pending = nil
            }
        }
        return exchanges
    }

    /// Where `actual` differs from `expected`, ignoring volatile values; nil when they match.
    static func difference(_ expected: JSONValue, _ actual: JSONValue, path: String = "$") -> String? {
        switch (expected, actual) {
        case (.object(let e), .object(let a)):
            if Set(e.keys) != Set(a.keys) { return "\(path): keys \(e.keys.sorted()) vs \(a.keys.sorted())" }
            for key in e.keys.sorted() where !volatileKeys.contains(key) {
                if let d = difference(e[key]!, a[key]!, path: path + "." + key) { return d }
            }
            return nil
        case (.array(let e), .array(let a)):
            if e.count != a.count { return "\(path): \(e.count) items vs \(a.count)" }
            for (i, pair) in zip(e, a).enumerated() {
                if let d = difference(pair.0, pair.1, path: "\(path)[\(i)]") { return d }
            }
            return nil
        default:
            return expected == actual ? nil : "\(path): expected \(expected), got \(actual)"
        }
    }

    private func replay(fence: String, arguments: [String], variant: DatasetFixture.Variant = .a,
                        withNetwork: Bool = false) throws {
        let exchanges = try Self.examples(fence: fence)
        #expect(!exchanges.isEmpty, "no ```\(fence) examples in docs/protocol.md")
        let daemon = try DaemonProcess(variant: variant, withNetwork: withNetwork, arguments: arguments)
        let client = try daemon.client()
        for exchange in exchanges {
            try client.sendRaw(Array((exchange.request + "\n").utf8))
            let actual = try JSONText.parse(client.readLine())
            let expected = try JSONText.parse(exchange.expected)
            let diff = Self.difference(expected, actual)
            let actualText = try JSONText.serialize(actual)
            #expect(diff == nil, """
                docs/protocol.md:\(exchange.line): \(diff ?? "")
                actual: \(actualText)
                (the fixture dataset's content hash is \(daemon.contentHash))
                """)
        }
    }

    @Test func documentedExamplesMatchTheDaemon() throws {
        try replay(fence: "jsonrpc", arguments: [])
    }

    @Test func documentedServiceGapExamplesMatchTheDaemon() throws {
        try replay(fence: "jsonrpc services", arguments: [], variant: .services)
    }

    @Test func documentedDebugExamplesMatchTheDaemon() throws {
        try replay(fence: "jsonrpc debug", arguments: ["--enable-debug-methods", "--max-result-bytes", "1000"])
    }

    /// The street network methods' examples, against the fixture with its synthetic city.
    @Test func documentedNetworkExamplesMatchTheDaemon() throws {
        try replay(fence: "jsonrpc network", arguments: [], withNetwork: true)
    }

    @Test func comparisonIgnoresOnlyVolatileValues() throws {
        let a = try JSONText.parse(#"{"x":1,"uptime_seconds":5,"m":{"p50_ms":1}}"#)
        #expect(Self.difference(a, try JSONText.parse(#"{"x":1,"uptime_seconds":9,"m":{"p50_ms":3}}"#)) == nil)
        #expect(Self.difference(a, try JSONText.parse(#"{"x":2,"uptime_seconds":5,"m":{"p50_ms":1}}"#)) != nil)
        #expect(Self.difference(a, try JSONText.parse(#"{"x":1,"m":{"p50_ms":1}}"#)) != nil)
    }
}
