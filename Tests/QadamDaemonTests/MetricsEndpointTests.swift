import Foundation
import QadamContract
import TestSupport
import Testing
import QadamClient

/// The optional Prometheus endpoint: off by default, `GET /metrics` on a Unix socket when
/// configured, with the same figures `stats` reports, in valid text exposition format.
@Suite("Prometheus metrics endpoint")
struct MetricsEndpointTests {
    /// Sends one HTTP request and reads the whole answer (the request asks the endpoint to
    /// close after it, or is HTTP/1.0 or malformed, which close anyway).
    static func get(_ socket: String, _ request: String) throws -> (status: String, headers: [String], body: [String]) {
        // The daemon binds the metrics socket just after the query socket the fixture waits for.
        let deadline = Date().addingTimeInterval(10)
        while !FileManager.default.fileExists(atPath: socket), Date() < deadline { Thread.sleep(forTimeInterval: 0.02) }
        let client = try RPCClient(path: socket, receiveTimeout: 10)
        try client.sendRaw(Array(request.utf8))
        var lines: [String] = []
        // Read to the end: the endpoint closes the connection after its answer.
        while let line = try? client.readLine() {
            lines.append(String(decoding: line, as: UTF8.self).trimmingCharacters(in: CharacterSet(charactersIn: "\r")))
        }
        let blank = lines.firstIndex(of: "") ?? lines.count
        return (lines.first ?? "", Array(lines[1..<blank]), Array(lines.dropFirst(blank + 1)))
    }

    @Test func servesTheSameFiguresAsStatsInTextFormat() throws {
        let metricsSocket = "\(FileManager.default.temporaryDirectory.path)/qadam-metrics-a-\(getpid()).sock"
        let daemon = try DaemonProcess(arguments: ["--metrics-socket", metricsSocket])
        let client = try daemon.client()
        for _ in 0..<3 { _ = try client.call("ping") }
        _ = try client.call("locate", params: ["at": [.double(76.9), .double(43.5)]])
        _ = try client.call("locate", params: ["at": [.double(500), .double(43.5)]])

        let (status, headers, body) = try Self.get(metricsSocket, "GET /metrics HTTP/1.1\r\nHost: qadamd\r\nConnection: close\r\n\r\n")
        #expect(status == "HTTP/1.1 200 OK")
        #expect(headers.contains { $0.hasPrefix("Content-Type: text/plain; version=0.0.4") })
        #expect(body.contains(#"qadamd_requests_total{method="ping"} 3"#))
        #expect(body.contains(#"qadamd_requests_total{method="locate"} 2"#))
        #expect(body.contains(#"qadamd_request_errors_total{method="locate"} 1"#))
        #expect(body.contains(#"qadamd_request_duration_seconds_count{method="locate"} 2"#))
        // Latency is a real histogram (buckets that aggregate across instances), from 50 µs up.
        #expect(body.contains("# TYPE qadamd_request_duration_seconds histogram"))
        #expect(body.contains(#"qadamd_request_duration_seconds_bucket{method="ping",le="+Inf"} 3"#))
        #expect(body.contains { $0.hasPrefix(#"qadamd_request_duration_seconds_bucket{method="ping",le="0.00005"}"#) })
        #expect(body.contains(#"qadamd_snapshot_info{snapshot="\#(daemon.contentHash)",dataset="\#(daemon.datasetPath)"} 1.0"#))
        #expect(body.contains("qadamd_last_reload_failed 0.0"))
        #expect(body.contains("# TYPE qadamd_connections_total counter"))

        // Every line is a comment (# HELP / # TYPE) or `name{labels} value` with a number.
        let sample = try Regex(#"^[a-zA-Z_:][a-zA-Z0-9_:]*(\{([a-zA-Z_][a-zA-Z0-9_]*="([^"\\]|\\.)*",?)*\})? (-?[0-9.e+-]+|NaN|\+Inf|-Inf)$"#)
        for line in body where !line.isEmpty && !line.hasPrefix("# HELP ") && !line.hasPrefix("# TYPE ") {
            #expect(line.wholeMatch(of: sample) != nil, "not exposition format: \(line)")
        }
        // Every family named in a sample has its TYPE line.
        let families = Set(body.filter { $0.hasPrefix("# TYPE ") }.map { $0.split(separator: " ")[2] })
        for line in body where !line.hasPrefix("#") && !line.isEmpty {
            let name = String(line.prefix { $0 != "{" && $0 != " " })
            let family = name.replacingOccurrences(of: "_sum", with: "").replacingOccurrences(of: "_count", with: "")
                .replacingOccurrences(of: "_bucket", with: "")
            #expect(families.contains(Substring(family)), "no TYPE for \(name)")
        }
    }

    @Test func otherPathsAndVerbsAreRefusedAndTheDaemonCarriesOn() throws {
        let socket = "\(FileManager.default.temporaryDirectory.path)/qadam-metrics-b-\(getpid()).sock"
        let daemon = try DaemonProcess(arguments: ["--metrics-socket", socket])
        #expect(try Self.get(socket, "GET / HTTP/1.0\r\n\r\n").status == "HTTP/1.0 404 Not Found")
        #expect(try Self.get(socket, "POST /metrics HTTP/1.1\r\nConnection: close\r\n\r\n").status == "HTTP/1.1 405 Method Not Allowed")
        #expect(try Self.get(socket, "garbage\r\n\r\n").status == "HTTP/1.1 400 Bad Request")
        #expect(try daemon.client().call("ping").get()["pong"] == true)
    }

    @Test func offByDefault() throws {
        let daemon = try DaemonProcess()
        #expect(!daemon.log().contains("serving Prometheus metrics"))
        #expect(try daemon.client().call("ping").get()["pong"] == true)
    }
}
