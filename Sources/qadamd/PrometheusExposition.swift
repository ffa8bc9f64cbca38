import Foundation

/// The daemon's figures in the Prometheus text exposition format (version 0.0.4), for
/// scraping from the optional metrics endpoint (off by default; see docs/protocol.md).
///
/// Latency is a summary per method (p50/p90/p99 from the same histogram `stats` reads, plus
/// exact `_sum` and `_count`), so dashboards and `qadam stats` never disagree.
enum PrometheusExposition {
    struct State {
        let methods: [RequestStats.MethodSummary]
        let snapshot: String
        let dataset: String
        let snapshotLoadedAt: Date
        let uptimeSeconds: Double
        let openConnections: Int
        let totalConnections: Int
        let inFlight: Int
        let lastReloadFailed: Bool
    }

    static func render(_ s: State) -> String {
        var out = ""
        func family(_ name: String, _ type: String, _ help: String) {
            out += "# HELP \(name) \(help)\n# TYPE \(name) \(type)\n"
        }
        func sample(_ name: String, _ value: Double) { sample(name, [], value) }
        func sample(_ name: String, _ labels: [(String, String)], _ value: Double) {
            let text = labels.isEmpty ? "" : "{" + labels.map { "\($0.0)=\"\(escape($0.1))\"" }.joined(separator: ",") + "}"
            out += "\(name)\(text) \(number(value))\n"
        }

        family("qadamd_requests_total", "counter", "Requests answered, by method, since start.")
        for m in s.methods { sample("qadamd_requests_total", [("method", m.method)], Double(m.count)) }
        family("qadamd_request_errors_total", "counter", "Requests answered with an error, by method, since start.")
        for m in s.methods { sample("qadamd_request_errors_total", [("method", m.method)], Double(m.errors)) }
        family("qadamd_request_duration_seconds", "summary", "Time from request line to answer, by method.")
        for m in s.methods {
            for (q, v) in [("0.5", m.p50), ("0.9", m.p90), ("0.99", m.p99)] {
                if let v { sample("qadamd_request_duration_seconds", [("method", m.method), ("quantile", q)], v) }
            }
            sample("qadamd_request_duration_seconds_sum", [("method", m.method)], m.sum)
            sample("qadamd_request_duration_seconds_count", [("method", m.method)], Double(m.count))
        }
        family("qadamd_connections", "gauge", "Client connections open now.")
        sample("qadamd_connections", Double(s.openConnections))
        family("qadamd_connections_total", "counter", "Client connections accepted since start.")
        sample("qadamd_connections_total", Double(s.totalConnections))
        family("qadamd_requests_in_flight", "gauge", "Requests being answered now.")
        sample("qadamd_requests_in_flight", Double(s.inFlight))
        family("qadamd_uptime_seconds", "gauge", "Seconds since the daemon started.")
        sample("qadamd_uptime_seconds", s.uptimeSeconds)
        family("qadamd_snapshot_info", "gauge", "The snapshot being served (always 1; the labels carry the facts).")
        sample("qadamd_snapshot_info", [("snapshot", s.snapshot), ("dataset", s.dataset)], 1)
        family("qadamd_snapshot_loaded_timestamp_seconds", "gauge", "When the served snapshot finished loading (Unix time).")
        sample("qadamd_snapshot_loaded_timestamp_seconds", s.snapshotLoadedAt.timeIntervalSince1970)
        family("qadamd_last_reload_failed", "gauge", "1 when the last reload failed and an older snapshot is still served.")
        sample("qadamd_last_reload_failed", s.lastReloadFailed ? 1 : 0)
        return out
    }

    /// Label values escape backslash, double quote and line feed.
    static func escape(_ value: String) -> String {
        value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\n", with: "\\n")
    }

    static func number(_ v: Double) -> String {
        if v.isNaN { return "NaN" }
        if v.isInfinite { return v > 0 ? "+Inf" : "-Inf" }
        return v == v.rounded() && abs(v) < 1e15 ? String(Int64(v)) : String(v)
    }
}
