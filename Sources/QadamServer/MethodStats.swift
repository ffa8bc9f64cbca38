import Foundation
import Histogram
import Metrics
import QadamContract
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

        init(method: String, factory: any MetricsFactory) {
            let dimensions = [("method", method)]
            requests = Counter(label: "qadamd_requests_total", dimensions: dimensions, factory: factory)
            failures = Counter(label: "qadamd_request_errors_total", dimensions: dimensions, factory: factory)
            duration = Metrics.Timer(label: "qadamd_request_duration_seconds", dimensions: dimensions, factory: factory)
        }
    }

    private let entries = Mutex<[String: Entry]>([:])
    /// The daemon's metrics backend (`DaemonMetrics.factory`).
    private let factory: any MetricsFactory

    init(factory: any MetricsFactory) { self.factory = factory }

    func record(method: String, nanoseconds: UInt64, failed: Bool) {
        let microseconds = min(Self.longestMicroseconds, (nanoseconds + 500) / 1000)
        let handles = entries.withLock { entries -> (Counter, Counter, Metrics.Timer) in
            let entry: Entry
            if let known = entries[method] {
                entry = known
            } else {
                entry = Entry(method: method, factory: factory)
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

    /// What `stats` reports per method.
    var figures: [String: RPC.Stats.Result.MethodFigures] {
        func ms(_ microseconds: UInt64) -> Double { Double(microseconds) / 1e3 }
        return entries.withLock { entries in
            entries.mapValues { entry in
                let h = entry.latency
                return RPC.Stats.Result.MethodFigures(count: Int(h.totalCount), errors: entry.errors,
                                                      p50Ms: ms(h.valueAtPercentile(50)), p90Ms: ms(h.valueAtPercentile(90)),
                                                      p99Ms: ms(h.valueAtPercentile(99)), maxMs: ms(h.max))
            }
        }
    }
}
