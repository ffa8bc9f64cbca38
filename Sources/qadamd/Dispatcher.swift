import Dispatch
import Foundation
import Logging
import NIOCore
import QadamProtocol
import QadamService

/// Routes each request: `ping`, `info` and `stats` answer at once on the event loop, `reload`
/// runs on its own queue, and query methods run on the worker pool against the snapshot that
/// was current when they arrived. Every request is answered exactly
/// once, by its result, its error, or a timeout, whichever comes first.
final class Dispatcher: @unchecked Sendable {
    static let version = "0.1.0"
    /// Methods only a running daemon has; the rest come from the service's registry.
    static let daemonMethods = ["reload", "stats"]
    /// Cheap registry methods answered on the event loop, so they answer even when every
    /// worker is busy with long queries.
    static let immediateMethods: Set = ["ping", "info"]

    let service: QueryService
    let stats = RequestStats()
    private let config: DaemonConfig
    private let pool: WorkerPool
    private let notifier: SystemdNotifier?
    private let logger: Logger
    private let startedAt = Date()
    private let reloadQueue = DispatchQueue(label: "qadamd.reload")
    private let lock = NSLock()
    private var inFlight = 0
    private var openConnections = 0
    private var totalConnections = 0
    private var draining = false

    init(service: QueryService, config: DaemonConfig, notifier: SystemdNotifier?, logger: Logger) {
        self.service = service
        self.config = config
        self.notifier = notifier
        self.logger = logger
        self.pool = WorkerPool(threads: config.workers, maxQueued: config.maxQueuedRequests)
    }

    // MARK: Connections

    /// Counts a new connection; false when that would pass `maxConnections`.
    func connectionOpened() -> Bool {
        lock.withLock {
            guard openConnections < config.maxConnections else { return false }
            openConnections += 1
            totalConnections += 1
            return true
        }
    }

    func connectionClosed() { lock.withLock { openConnections -= 1 } }

    // MARK: Requests

    /// Answers `request`, calling `send` with the response line (no newline) from any thread.
    /// `send` calls its completion once the write is done, so that draining waits until
    /// answers are out and `in_flight` is exact.
    func handle(_ request: RPCRequest, on eventLoop: EventLoop, send: @escaping LineSender) {
        let started = DispatchTime.now()
        let statsName = Self.daemonMethods.contains(request.method) || service.registry.contains(request.method)
            ? request.method : RequestStats.unknownMethod
        let refusedForDrain: Bool = lock.withLock {
            inFlight += 1
            return draining
        }
        let reply = ReplyOnce()
        let finish: @Sendable (Result<JSONValue, RPCError>) -> Void = { [self] outcome in
            guard reply.claim() else { return }
            let line = responseLine(id: request.id ?? .null, outcome: outcome)
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
            stats.record(method: statsName, seconds: seconds, failed: line.failed)
            if request.isNotification {
                requestFinished()
            } else {
                send(line.text) { self.requestFinished() }
            }
        }
        if refusedForDrain {
            return finish(.failure(RPCError(code: RPCError.unavailableCode,
                                            message: "qadamd is shutting down; retry against the restarted daemon")))
        }
        switch request.method {
        case "info":
            finish(info(params: request.params))
        case _ where Self.immediateMethods.contains(request.method):
            finish(service.call(request.method, params: request.params))
        case "stats":
            finish(.success(statsResult()))
        case "reload":
            reloadQueue.async { [self] in finish(reloadResult(trigger: "rpc")) }
        default:
            guard service.registry.contains(request.method) else {
                return finish(.failure(.methodNotFound(request.method, known: methods)))
            }
            let snapshot = service.store.current
            let timeout = config.requestTimeoutSeconds
            let token = CancellationToken()
            let timer = eventLoop.scheduleTask(in: .nanoseconds(Int64(timeout * 1e9))) {
                finish(.failure(RPCError(code: RPCError.unavailableCode,
                                         message: "request timed out after \(timeout) s; narrow the query or raise limits.request_timeout_seconds")))
                // Nobody waits for the answer now: stop the work at its next check.
                token.cancel()
            }
            let accepted = pool.submit { [service] in
                finish(token.run { service.registry.call(request.method, params: request.params, on: snapshot) })
                timer.cancel()
            }
            if !accepted {
                timer.cancel()
                finish(.failure(RPCError(code: RPCError.unavailableCode,
                                         message: "qadamd is overloaded (\(config.workers) workers busy, \(config.maxQueuedRequests) queued); retry later")))
            }
        }
    }

    /// Answers a line that was not a valid request.
    func reject(_ failure: RPCFailure, send: LineSender, then done: @escaping @Sendable () -> Void = {}) {
        stats.record(method: RequestStats.invalidRequest, seconds: 0, failed: true)
        send(responseLine(id: failure.id, outcome: .failure(failure.error)).text, done)
    }

    private func requestFinished() { lock.withLock { inFlight -= 1 } }

    /// Serialises a response, replacing results over the size limit (or not expressible as
    /// JSON) by an error the client can act on.
    private func responseLine(id: JSONValue, outcome: Result<JSONValue, RPCError>) -> (text: String, failed: Bool) {
        let response = RPCResponse(id: id, outcome: outcome)
        do {
            let text = try response.line()
            if case .success = outcome, text.utf8.count > config.maxResultBytes {
                let tooLarge = RPCError(code: RPCError.resultTooLargeCode,
                    message: "result is \(text.utf8.count) bytes, over the limit of \(config.maxResultBytes); narrow the query or fetch it in pages (limit/offset)",
                    data: ["bytes": .int(Int64(text.utf8.count)), "limit": .int(Int64(config.maxResultBytes))])
                return ((try? RPCResponse(id: id, error: tooLarge).line()) ?? "", true)
            }
            return (text, response.error != nil)
        } catch {
            let internalError = RPCError.internalError(String(describing: error))
            return ((try? RPCResponse(id: id, error: internalError).line()) ?? "", true)
        }
    }

    // MARK: Daemon methods

    /// Every method this daemon serves, sorted.
    var methods: [String] { Set(Self.daemonMethods + service.registry.methods).sorted() }

    /// The service's `info` (the snapshot and its layers) plus the daemon's runtime state.
    private func info(params: JSONValue) -> Result<JSONValue, RPCError> {
        service.call("info", params: params).map { result in
            withRuntimeState(result.objectValue ?? [:])
        }
    }

    /// Adds what only the running daemon knows: version, uptime, methods, connections, reloads.
    private func withRuntimeState(_ snapshotInfo: [String: JSONValue]) -> JSONValue {
        var members = snapshotInfo
        let (others, connections) = lock.withLock { (inFlight - 1, openConnections) }
        members["version"] = .string(Self.version)
        members["started_at"] = .string(startedAt.formatted(.iso8601))
        members["uptime_seconds"] = .double(Date().timeIntervalSince(startedAt))
        members["methods"] = .array(methods.map { .string($0) })
        members["connections"] = .int(Int64(connections))
        members["in_flight"] = .int(Int64(others))
        if let failure = service.store.lastReloadFailure {
            members["last_reload_error"] = ["message": .string(failure.message), "at": .string(failure.at.formatted(.iso8601))]
        } else {
            members["last_reload_error"] = .null
        }
        return .object(members)
    }

    private func statsResult() -> JSONValue {
        let (others, open, total) = lock.withLock { (inFlight - 1, openConnections, totalConnections) }
        let snapshot = service.store.current
        var caches: JSONValue = .null
        if let sizes = snapshot.networkCacheSizes {
            caches = ["facility_indexes": .int(Int64(sizes.facilityIndexes)), "facility_index_bytes": .int(Int64(sizes.facilityIndexBytes)),
                      "idle_searches": .int(Int64(sizes.idleSearches)), "search_bytes": .int(Int64(sizes.searchBytes))]
        }
        return [
            "snapshot": .string(snapshot.contentHash),
            "uptime_seconds": .double(Date().timeIntervalSince(startedAt)),
            "connections": ["open": .int(Int64(open)), "total": .int(Int64(total))],
            "in_flight": .int(Int64(others)),
            "methods": stats.json,
            "caches": caches,
            "log_lines_dropped": .int(Int64(LogQueue.shared.dropped)),
        ]
    }

    /// The Prometheus text exposition of the same figures `stats` and `info` report.
    func prometheusText() -> String {
        let (others, open, total) = lock.withLock { (inFlight, openConnections, totalConnections) }
        let snapshot = service.store.current
        return PrometheusExposition.render(.init(
            methods: stats.summaries(), snapshot: snapshot.contentHash, dataset: snapshot.datasetPath,
            snapshotLoadedAt: snapshot.loadedAt, uptimeSeconds: Date().timeIntervalSince(startedAt),
            openConnections: open, totalConnections: total, inFlight: others,
            lastReloadFailed: service.store.lastReloadFailure != nil))
    }

    // MARK: Reload

    /// Loads the dataset again (blocking; run it on `reloadQueue`), telling systemd and the log.
    func reload(trigger: String) -> Result<SnapshotStore.ReloadOutcome, SnapshotStore.ReloadFailure> {
        notifier?.notify("RELOADING=1\nMONOTONIC_USEC=\(SystemdNotifier.monotonicMicroseconds())\nSTATUS=reloading \(service.store.datasetPath)")
        let result = service.store.reload()
        switch result {
        case .success(let outcome):
            logger.info("reloaded dataset", metadata: [
                "trigger": "\(trigger)", "previous": "\(outcome.previous.contentHash)",
                "snapshot": "\(outcome.current.contentHash)", "load_seconds": "\(outcome.current.loadSeconds)",
            ])
        case .failure(let failure):
            logger.error("reload failed; still serving the previous snapshot", metadata: [
                "trigger": "\(trigger)", "reason": "\(failure.message)",
                "snapshot": "\(service.store.current.contentHash)",
            ])
        }
        notifier?.notify("READY=1\nSTATUS=\(statusLine())")
        return result
    }

    /// Reloads from a SIGHUP, off the signal handler's queue.
    func reloadInBackground(trigger: String) {
        reloadQueue.async { [self] in _ = reload(trigger: trigger) }
    }

    private func reloadResult(trigger: String) -> Result<JSONValue, RPCError> {
        switch reload(trigger: trigger) {
        case .success(let outcome):
            return .success([
                "snapshot": .string(outcome.current.contentHash),
                "previous": .string(outcome.previous.contentHash),
                "changed": .bool(outcome.changed),
                "load_seconds": .double(outcome.current.loadSeconds),
            ])
        case .failure(let failure):
            let current = service.store.current.contentHash
            return .failure(RPCError(code: RPCError.datasetErrorCode,
                                     message: "reload failed, still serving snapshot \(current): \(failure.message)",
                                     data: ["snapshot": .string(current), "reason": .string(failure.message)]))
        }
    }

    /// One line for systemd's STATUS=.
    func statusLine() -> String {
        let snapshot = service.store.current
        var status = "serving \(snapshot.datasetPath) (snapshot \(snapshot.contentHash))"
        if let failure = service.store.lastReloadFailure { status += "; last reload failed: \(failure.message)" }
        return status.replacingOccurrences(of: "\n", with: " ")
    }

    // MARK: Shutdown

    /// From now on new requests are refused with -32003; those already running finish.
    func beginDrain() { lock.withLock { draining = true } }

    /// Waits until every accepted request is answered, or `timeout` passes; true if idle.
    func waitUntilIdle(timeout: Double) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if lock.withLock({ inFlight == 0 }) { return true }
            usleep(10_000)
        }
        return lock.withLock { inFlight == 0 }
    }

    func shutdownWorkers() throws { try pool.shutdown() }
}

/// Writes one response line and calls the completion when the write has finished or failed.
typealias LineSender = @Sendable (_ line: String, _ done: @escaping @Sendable () -> Void) -> Void

/// Makes sure a request is answered once although a result and a timeout may race.
private final class ReplyOnce: @unchecked Sendable {
    private let lock = NSLock()
    private var claimed = false

    func claim() -> Bool {
        lock.withLock {
            defer { claimed = true }
            return !claimed
        }
    }
}
