import Dispatch
import Foundation
import NIOCore
import QadamContract
import QadamEngine

/// Routes each request: `info`, `stats` and the query methods that can answer in a few
/// microseconds (`ping`, `locate`, `resolve`, `nearest` on a built index: see
/// `MethodRegistry.InlinePolicy`) answer at once on the event loop, `reload` runs on the
/// reloader's queue, and the other query methods run on the worker pool against the snapshot
/// that was current when they arrived. Every request is answered exactly once, by its result,
/// its error, or a timeout, whichever comes first.
final class RequestRouter: Sendable {
    /// Methods only a running daemon has; the rest come from the service's registry.
    enum DaemonMethod: String, CaseIterable {
        case reload, stats
        /// The contract as an OpenRPC document (OpenRPC's own name for the method).
        case discover = "rpc.discover"
    }
    static let daemonMethods = DaemonMethod.allCases

    let service: QueryService
    let report: RuntimeReport
    private let config: DaemonConfig
    /// The largest answer line: a batch's answers together are held to it too.
    var maxResultBytes: Int { config.maxResultBytes }
    private let pool: WorkerPool
    private let reloader: Reloader
    private var activity: DaemonActivity { report.activity }
    /// Parent of every request's token: cancelled when the drain gives up, so running queries
    /// stop at their next check and shutdown stays bounded.
    private let shutdown = CancellationToken()

    init(service: QueryService, report: RuntimeReport, reloader: Reloader, config: DaemonConfig) {
        self.service = service
        self.report = report
        self.reloader = reloader
        self.config = config
        self.pool = WorkerPool(threads: config.workers, maxQueued: config.maxQueuedRequests)
    }

    /// Answers `request`, calling `send` with the response line (no newline) from any thread.
    /// `send` calls its completion once the write is done, so that draining waits until
    /// answers are out and `in_flight` is exact.
    func handle(_ request: RPCRequest, on eventLoop: EventLoop, send: @escaping LineSender) {
        let started = DispatchTime.now().uptimeNanoseconds
        let daemonMethod = DaemonMethod(rawValue: request.method)
        let statsName = daemonMethod != nil || service.registry.contains(request.method) ? request.method : MethodStats.unknownMethod
        let refusedForDrain = activity.requestStarted()
        let reply = ReplyOnce()
        let finish: @Sendable (Result<EncodedJSON, RPCError>) -> Void = { [self] outcome in
            guard reply.claim() else { return }
            let line = ResponseLine(id: request.id ?? .null, outcome: outcome, maxResultBytes: config.maxResultBytes)
            report.stats.record(method: statsName, nanoseconds: DispatchTime.now().uptimeNanoseconds - started, failed: line.failed)
            if request.isNotification {
                activity.requestFinished()
            } else {
                send(line.bytes) { self.activity.requestFinished() }
            }
        }
        if refusedForDrain {
            return finish(.failure(RPCError(code: RPCError.unavailableCode,
                                            message: "qadamd is shutting down; retry against the restarted daemon")))
        }
        switch (daemonMethod, request.method) {
        case (.stats, _):
            finish(report.statsResult())
        case (.discover, _):
            finish(.success(OpenRPCDocument.encoded))
        case (.reload, _):
            reloader.reload(trigger: "rpc", then: finish)
        case (nil, "info"):
            // On the event loop, so it answers even when every worker is busy with long queries.
            finish(report.info())
        case (nil, let method):
            guard service.registry.contains(method) else {
                return finish(.failure(.methodNotFound(method, known: report.methods)))
            }
            if let answer = service.registry.callInline(method, params: request.params, on: service.store.current) {
                return finish(answer)
            }
            runOnPool(method, params: request.params, on: eventLoop, finish: finish)
        }
    }

    /// Runs a query on a worker against the current snapshot, answered with -32003 when the
    /// timeout passes first (the work is then cancelled at its next check) or the pool is full.
    private func runOnPool(_ method: String, params: RPCParams, on eventLoop: EventLoop,
                           finish: @escaping @Sendable (Result<EncodedJSON, RPCError>) -> Void) {
        let snapshot = service.store.current
        let timeout = config.requestTimeoutSeconds
        let token = CancellationToken(parent: shutdown)
        let timer = eventLoop.scheduleTask(in: .nanoseconds(Int64(timeout * 1e9))) {
            finish(.failure(RPCError(code: RPCError.unavailableCode,
                                     message: "request timed out after \(timeout) s; narrow the query or raise limits.request_timeout_seconds")))
            token.cancel()
        }
        let accepted = pool.submit { [service] cancelled in
            if cancelled {
                finish(.failure(RPCError(code: RPCError.unavailableCode, message: "qadamd is shutting down; retry against the restarted daemon")))
            } else {
                finish(token.run { service.registry.callEncoded(method, params: params, on: snapshot) })
            }
            timer.cancel()
        }
        if !accepted {
            timer.cancel()
            finish(.failure(RPCError(code: RPCError.unavailableCode,
                                     message: "qadamd is overloaded (\(config.workers) workers busy, \(config.maxQueuedRequests) queued); retry later")))
        }
    }

    /// Answers a line that was not a valid request.
    func reject(_ failure: RPCFailure, send: LineSender, then done: @escaping @Sendable () -> Void = {}) {
        report.stats.record(method: MethodStats.invalidRequest, nanoseconds: 0, failed: true)
        send(ResponseLine(id: failure.id, error: failure.error).bytes, done)
    }

    /// Stops the queries still running (at their next cancellation check) and the pool; the
    /// queued ones are answered as refused, not run.
    func shutdownWorkers() async throws {
        shutdown.cancel()
        try await pool.shutdown()
    }
}

/// Writes one response line (its bytes, without the newline) and calls the completion when the
/// write has finished or failed.
typealias LineSender = @Sendable (_ line: [UInt8], _ done: @escaping @Sendable () -> Void) -> Void
