import Foundation
import QadamContract
import QadamEngine

/// What only the running daemon knows, for `info` (added to the snapshot's description) and
/// `stats` (request figures, caches, dropped log lines), and for `/metrics`.
struct RuntimeReport: Sendable {
    let service: QueryService
    let activity: DaemonActivity
    let stats: MethodStats
    let metrics: DaemonMetrics
    let startedAt = Date()

    /// Every method this daemon serves, sorted.
    var methods: [String] { Set(RequestRouter.daemonMethods.map(\.rawValue) + service.registry.methods).sorted() }

    /// `info`: the current snapshot's description (as the service's `info` gives it) with the
    /// daemon's version, uptime, methods, connections and last reload error.
    func info() -> Result<EncodedJSON, RPCError> {
        let snapshot = service.store.current
        return MethodRegistry.answer(RPC.Info.name, snapshot: snapshot.contentHash) {
            let counts = activity.counts
            let failure = service.store.lastReloadFailure
            let daemon = RPC.Info.Result.Daemon(
                version: QadamVersion.current, startedAt: startedAt.formatted(.iso8601),
                uptimeSeconds: Date().timeIntervalSince(startedAt), methods: methods, connections: counts.openConnections,
                inFlight: counts.inFlight - 1, // not counting this `info`
                lastReloadError: failure.map { RPC.Info.Result.ReloadFailure(message: $0.message, at: $0.at.formatted(.iso8601)) })
            return RPC.Info.Result(dataset: try .init(describing: snapshot), daemon: daemon)
        }
    }

    /// `stats`: request figures per method, connections, the network caches and dropped log lines.
    func statsResult() -> Result<EncodedJSON, RPCError> {
        let snapshot = service.store.current
        return MethodRegistry.answer(RPC.Stats.name, snapshot: snapshot.contentHash) {
            let counts = activity.counts
            return RPC.Stats.Result(uptimeSeconds: Date().timeIntervalSince(startedAt),
                                    connections: .init(open: counts.openConnections, total: counts.totalConnections),
                                    inFlight: counts.inFlight - 1, // not counting this `stats`
                                    methods: stats.figures, caches: snapshot.networkCacheSizes, logLinesDropped: LogQueue.shared.dropped)
        }
    }

    /// The Prometheus text exposition for `GET /metrics`.
    func prometheusText() -> [UInt8] {
        metrics.exposition(activity: activity, store: service.store, startedAt: startedAt)
    }
}
