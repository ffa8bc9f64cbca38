import Foundation
import QadamProtocol

/// Per-method counts, errors and latency since the daemon started, for `stats`.
///
/// Names of methods that do not exist are pooled under `(unknown)` and unparseable lines
/// under `(invalid)`, so hostile input cannot grow the table.
final class RequestStats: @unchecked Sendable {
    static let unknownMethod = "(unknown)"
    static let invalidRequest = "(invalid)"

    private struct Entry {
        var errors = 0
        var latency = LatencyHistogram()
    }

    private let lock = NSLock()
    private var entries: [String: Entry] = [:]

    func record(method: String, seconds: Double, failed: Bool) {
        lock.withLock {
            entries[method, default: Entry()].latency.record(seconds)
            if failed { entries[method, default: Entry()].errors += 1 }
        }
    }

    /// One method's figures since start; `stats` and the Prometheus exposition both read these.
    struct MethodSummary {
        let method: String
        let count: Int
        let errors: Int
        let p50: Double?, p90: Double?, p99: Double?
        let maximum: Double
        let sum: Double
    }

    /// Every method seen, sorted by name.
    func summaries() -> [MethodSummary] {
        lock.withLock {
            entries.keys.sorted().map { name in
                let e = entries[name]!
                return MethodSummary(method: name, count: e.latency.count, errors: e.errors,
                                     p50: e.latency.quantile(0.5), p90: e.latency.quantile(0.9),
                                     p99: e.latency.quantile(0.99), maximum: e.latency.maximum, sum: e.latency.sum)
            }
        }
    }

    /// `{method: {count, errors, p50_ms, p90_ms, p99_ms, max_ms}}`.
    var json: JSONValue {
        func ms(_ seconds: Double?) -> JSONValue { seconds.map { .double(($0 * 1e6).rounded() / 1e3) } ?? .null }
        var methods: [String: JSONValue] = [:]
        for m in summaries() {
            methods[m.method] = [
                "count": .int(Int64(m.count)), "errors": .int(Int64(m.errors)),
                "p50_ms": ms(m.p50), "p90_ms": ms(m.p90), "p99_ms": ms(m.p99), "max_ms": ms(m.maximum),
            ]
        }
        return .object(methods)
    }
}
