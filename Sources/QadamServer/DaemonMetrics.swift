import Foundation
import Metrics
import Prometheus
import QadamEngine
import Synchronization

/// The daemon's metrics, through swift-metrics with swift-prometheus as the backend.
/// Request counters and the latency histogram are recorded as requests finish
/// (`MethodStats`); the state gauges (connections, in flight, uptime, snapshot) are set from
/// the live figures just before each scrape, so they are never stale. Names: docs/protocol.md.
final class DaemonMetrics: Sendable {
    /// Bucket edges for `qadamd_request_duration_seconds`: most answers take microseconds to
    /// milliseconds, the analytics seconds; the swift-prometheus defaults start at 5 ms.
    static let durationBuckets: [Duration] = [
        .microseconds(50), .microseconds(100), .microseconds(250), .microseconds(500),
        .milliseconds(1), .milliseconds(2.5), .milliseconds(5), .milliseconds(10), .milliseconds(25),
        .milliseconds(50), .milliseconds(100), .milliseconds(250), .milliseconds(500),
        .seconds(1), .seconds(2.5), .seconds(5), .seconds(10), .seconds(30), .seconds(60),
    ]

    private let registry: PrometheusCollectorRegistry
    /// Makes every metric of this daemon in `registry`. Handed to each metric explicitly rather
    /// than bootstrapped as the process's global backend, which swift-metrics allows once per
    /// process (a second `DaemonMetrics` would trap).
    let factory: PrometheusMetricsFactory
    private let connections: Metrics.Gauge
    private let connectionsTotal: Metrics.Counter
    /// The accepted-connection count the counter has been advanced to.
    private let connectionsCounted = Mutex(0)
    private let inFlight: Metrics.Gauge
    private let uptime: Metrics.Gauge
    private let snapshotLoaded: Metrics.Gauge
    private let lastReloadFailed: Metrics.Gauge
    private let logLinesDropped: Metrics.Gauge
    /// The one `qadamd_snapshot_info` series: replaced (the old one unregistered) on reload.
    private let snapshotInfo = Mutex<(key: String, gauge: Metrics.Gauge)?>(nil)

    /// A registry of this daemon's own; nothing global is touched.
    init() {
        registry = PrometheusCollectorRegistry()
        var factory = PrometheusMetricsFactory(registry: registry)
        factory.durationHistogramBuckets["qadamd_request_duration_seconds"] = Self.durationBuckets
        self.factory = factory
        connections = Metrics.Gauge(label: "qadamd_connections", factory: factory)
        connectionsTotal = Metrics.Counter(label: "qadamd_connections_total", factory: factory)
        inFlight = Metrics.Gauge(label: "qadamd_requests_in_flight", factory: factory)
        uptime = Metrics.Gauge(label: "qadamd_uptime_seconds", factory: factory)
        snapshotLoaded = Metrics.Gauge(label: "qadamd_snapshot_loaded_timestamp_seconds", factory: factory)
        lastReloadFailed = Metrics.Gauge(label: "qadamd_last_reload_failed", factory: factory)
        logLinesDropped = Metrics.Gauge(label: "qadamd_log_lines_dropped", factory: factory)
    }

    /// The Prometheus text exposition (0.0.4) of everything, with the gauges brought up to date.
    func exposition(activity: DaemonActivity, store: SnapshotStore, startedAt: Date) -> [UInt8] {
        let counts = activity.counts
        let snapshot = store.current
        connections.record(counts.openConnections)
        connectionsTotal.increment(by: connectionsCounted.withLock { counted in
            defer { counted = max(counted, counts.totalConnections) }
            return max(0, counts.totalConnections - counted)
        })
        inFlight.record(counts.inFlight)
        uptime.record(Date().timeIntervalSince(startedAt))
        snapshotLoaded.record(snapshot.loadedAt.timeIntervalSince1970)
        lastReloadFailed.record(store.lastReloadFailure == nil ? 0 : 1)
        logLinesDropped.record(LogQueue.shared.dropped)
        let key = "\(snapshot.contentHash)\u{0}\(snapshot.datasetPath)"
        snapshotInfo.withLock { current in
            guard current?.key != key else { return }
            current?.gauge.destroy()
            let gauge = Metrics.Gauge(label: "qadamd_snapshot_info",
                              dimensions: [("snapshot", snapshot.contentHash), ("dataset", snapshot.datasetPath)],
                              factory: factory)
            gauge.record(1)
            current = (key, gauge)
        }
        return registry.emitToBuffer()
    }
}
