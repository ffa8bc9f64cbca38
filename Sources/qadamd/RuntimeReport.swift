import Foundation
import QadamProtocol
import QadamService

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

    /// The service's `info` (the snapshot and its layers) plus version, uptime, methods,
    /// connections and the last reload error. `info` takes no params.
    func info() -> Result<JSONValue, RPCError> {
        service.call("info").map { result in
            var members = result.objectValue ?? [:]
            let counts = activity.counts
            members["version"] = .string(DaemonVersion.current)
            members["started_at"] = .string(startedAt.formatted(.iso8601))
            members["uptime_seconds"] = .double(Date().timeIntervalSince(startedAt))
            members["methods"] = .array(methods.map { .string($0) })
            members["connections"] = .int(Int64(counts.openConnections))
            members["in_flight"] = .int(Int64(counts.inFlight - 1)) // not counting this `info`
            if let failure = service.store.lastReloadFailure {
                members["last_reload_error"] = ["message": .string(failure.message), "at": .string(failure.at.formatted(.iso8601))]
            } else {
                members["last_reload_error"] = .null
            }
            return .object(members)
        }
    }

    func statsResult() -> JSONValue {
        let counts = activity.counts
        let snapshot = service.store.current
        var caches: JSONValue = .null
        if let sizes = snapshot.networkCacheSizes {
            caches = ["facility_indexes": .int(Int64(sizes.facilityIndexes)), "facility_index_bytes": .int(Int64(sizes.facilityIndexBytes)),
                      "idle_searches": .int(Int64(sizes.idleSearches)), "search_bytes": .int(Int64(sizes.searchBytes))]
        }
        return [
            "snapshot": .string(snapshot.contentHash),
            "uptime_seconds": .double(Date().timeIntervalSince(startedAt)),
            "connections": ["open": .int(Int64(counts.openConnections)), "total": .int(Int64(counts.totalConnections))],
            "in_flight": .int(Int64(counts.inFlight - 1)), // not counting this `stats`
            "methods": stats.json,
            "caches": caches,
            "log_lines_dropped": .int(Int64(LogQueue.shared.dropped)),
        ]
    }

    /// The Prometheus text exposition for `GET /metrics`.
    func prometheusText() -> [UInt8] {
        metrics.exposition(activity: activity, store: service.store, startedAt: startedAt)
    }
}
