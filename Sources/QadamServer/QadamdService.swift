import Logging
import NIOCore
import ServiceLifecycle
#if canImport(Glibc)
import Glibc
#endif

/// The daemon as a ServiceLifecycle service: listen, tell systemd we are ready (and keep its
/// watchdog fed), serve until graceful shutdown (SIGTERM or SIGINT, through the service
/// group), then stop accepting, let running requests finish within the drain timeout, and
/// close everything.
struct QadamdService: Service {
    let server: Server
    let router: RequestRouter
    let reloader: Reloader
    let notifier: SystemdNotifier?
    let drainTimeout: Duration
    let logger: Logger

    func run() async throws {
        let listening = try await server.start()
        if let interval = notifier?.watchdogInterval, let notifier {
            server.group.next().scheduleRepeatedTask(initialDelay: .zero, delay: .nanoseconds(Int64(interval * 1e9))) { _ in
                notifier.notify("WATCHDOG=1")
            }
        }
        notifier?.notify("READY=1\nSTATUS=\(reloader.statusLine())\nMAINPID=\(getpid())")

        // Returns when the group begins a graceful shutdown; throws if it is cancelled
        // instead, and the drain below runs either way.
        try? await gracefulShutdown()

        logger.info("stopping: draining requests in flight")
        notifier?.notify("STOPPING=1\nSTATUS=draining requests")
        let activity = router.report.activity
        activity.beginDrain()
        await server.close(listening)
        if !(await activity.waitUntilIdle(timeout: drainTimeout)) {
            logger.warning("drain timeout passed with requests still running; closing anyway",
                           metadata: ["drain_timeout": "\(drainTimeout)"])
        }
        // Workers first, while the event loops can still carry their last answers.
        try? await router.shutdownWorkers()
        await server.shutdown()
    }
}
