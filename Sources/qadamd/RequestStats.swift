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

    /// `{method: {count, errors, p50_ms, p90_ms, p99_ms, max_ms}}`.
    var json: JSONValue {
        lock.withLock {
            var methods: [String: JSONValue] = [:]
            for (name, entry) in entries {
                func ms(_ seconds: Double?) -> JSONValue { seconds.map { .double(($0 * 1e6).rounded() / 1e3) } ?? .null }
                methods[name] = [
                    "count": .int(Int64(entry.latency.count)),
                    "errors": .int(Int64(entry.errors)),
                    "p50_ms": ms(entry.latency.quantile(0.5)),
                    "p90_ms": ms(entry.latency.quantile(0.9)),
                    "p99_ms": ms(entry.latency.quantile(0.99)),
                    "max_ms": ms(entry.latency.maximum),
                ]
            }
            return .object(methods)
        }
    }
}
