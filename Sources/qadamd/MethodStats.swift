import Foundation
import Histogram
import Metrics
import QadamProtocol
import Synchronization

/// Per-method counts, errors and latency since the daemon started. Each answer is recorded
/// twice: in an HdrHistogram per method, whose exact-to-0.1% quantiles `stats` reports, and
/// through swift-metrics (`qadamd_requests_total`, `qadamd_request_errors_total`,
/// `qadamd_request_duration_seconds`), which the Prometheus backend turns into counters and a
/// histogram for `/metrics`.
///
/// Names of methods that do not exist are pooled under `(unknown)` and unparseable lines
/// under `(invalid)`, so hostile input cannot grow the table.
final class MethodStats: Sendable {
    static let unknownMethod = "(unknown)"
    static let invalidRequest = "(invalid)"
    /// Latencies are kept in microseconds up to an hour; anything longer counts as an hour.
    private static let longestMicroseconds: UInt64 = 3_600_000_000

    /// A class so recording mutates the histogram in place, under the table's lock.
    private final class Entry {
        var errors = 0
        var latency = Histogram<UInt64>(highestTrackableValue: MethodStats.longestMicroseconds,
                                        numberOfSignificantValueDigits: .three)
        let requests: Counter
        let failures: Counter
        let duration: Metrics.Timer

        init(method: String) {
            let dimensions = [("method", method)]
            requests = Counter(label: "qadamd_requests_total", dimensions: dimensions)
            failures = Counter(label: "qadamd_request_errors_total", dimensions: dimensions)
            duration = Metrics.Timer(label: "qadamd_request_duration_seconds", dimensions: dimensions)
        }
    }

    private let entries = Mutex<[String: Entry]>([:])

    func record(method: String, nanoseconds: UInt64, failed: Bool) {
        let microseconds = min(Self.longestMicroseconds, (nanoseconds + 500) / 1000)
        let handles = entries.withLock { entries -> (Counter, Counter, Metrics.Timer) in
            let entry: Entry
            if let known = entries[method] {
                entry = known
            } else {
                entry = Entry(method: method)
                entries[method] = entry
            }
            _ = entry.latency.record(microseconds)
            if failed { entry.errors += 1 }
            return (entry.requests, entry.failures, entry.duration)
        }
        handles.0.increment()
        if failed { handles.1.increment() }
        handles.2.recordNanoseconds(Int64(clamping: nanoseconds))
    }

    /// `{method: {count, errors, p50_ms, p90_ms, p99_ms, max_ms}}`, sorted by method.
    var json: JSONValue {
        func ms(_ microseconds: UInt64) -> JSONValue { .double(Double(microseconds) / 1e3) }
        return entries.withLock { entries in
            var methods: [String: JSONValue] = [:]
            for (method, entry) in entries {
                let h = entry.latency
                methods[method] = [
                    "count": .int(Int64(h.totalCount)), "errors": .int(Int64(entry.errors)),
                    "p50_ms": ms(h.valueAtPercentile(50)), "p90_ms": ms(h.valueAtPercentile(90)),
                    "p99_ms": ms(h.valueAtPercentile(99)), "max_ms": ms(h.max),
                ]
            }
            return .object(methods)
        }
    }
}
