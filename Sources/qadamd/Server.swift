import Foundation
import Logging
import NIOCore
import NIOPosix
import QadamProtocol
#if canImport(Glibc)
import Glibc
#endif

/// The listening socket and the daemon's lifecycle: bind (or adopt systemd's socket), tell
/// systemd we are ready, ping its watchdog, reload on SIGHUP, and on SIGTERM/SIGINT stop
/// accepting, let running requests finish (bounded by the drain timeout) and exit cleanly.
final class Server: @unchecked Sendable {
    struct StartError: Error, CustomStringConvertible {
        let description: String
    }

    private let config: DaemonConfig
    private let dispatcher: Dispatcher
    private let notifier: SystemdNotifier?
    private let logger: Logger
    private let group = MultiThreadedEventLoopGroup(numberOfThreads: min(2, System.coreCount))
    private var serverChannel: Channel?
    /// The optional Prometheus endpoints (Unix socket and/or loopback port).
    private var metricsChannels: [Channel] = []
    private var ownedMetricsSocketPath: String?
    /// The socket file we created and must remove on exit (nil when systemd owns it).
    private var ownedSocketPath: String?
    private let stopped = DispatchSemaphore(value: 0)
    private let signalQueue = DispatchQueue(label: "qadamd.signals")
    private var signalSources: [DispatchSourceSignal] = []
    private var stopping = false

    init(config: DaemonConfig, dispatcher: Dispatcher, notifier: SystemdNotifier?, logger: Logger) {
        self.config = config
        self.dispatcher = dispatcher
        self.notifier = notifier
        self.logger = logger
    }

    /// Starts listening and reports readiness; returns once requests are being served.
    func start() throws {
        let bootstrap = ServerBootstrap(group: group)
            // The kernel caps the backlog at net.core.somaxconn (4096 on Debian 12): a burst of
            // 2,000 connects waits in it instead of being refused while the loop accepts.
            .serverChannelOption(.backlog, value: 4096)
            .serverChannelOption(.maxMessagesPerRead, value: 256)
            .childChannelInitializer { [config, dispatcher, logger] channel in
                channel.eventLoop.makeCompletedFuture {
                    let policy = AccessPolicy(allowedUIDs: config.allowedUIDs, allowedGIDs: config.allowedGIDs)
                    try channel.pipeline.syncOperations.addHandlers([
                        IdleStateHandler(allTimeout: .nanoseconds(Int64(config.idleTimeoutSeconds * 1e9))),
                        ByteToMessageHandler(BoundedLineDecoder(maximumLength: config.maxRequestBytes)),
                        ConnectionHandler(dispatcher: dispatcher, policy: policy, logger: logger),
                    ])
                }
            }

        if let fd = SocketActivation.inheritedListener() {
            serverChannel = try bootstrap.withBoundSocket(fd).wait()
            logger.info("listening on socket inherited from systemd", metadata: ["fd": "\(fd)"])
        } else {
            let path = config.socketPath
            try prepareSocketPath(path)
            serverChannel = try bootstrap.bind(unixDomainSocketPath: path, cleanupExistingSocketFile: true).wait()
            ownedSocketPath = path
            try applyPermissions(path)
            logger.info("listening", metadata: ["socket": "\(path)", "mode": "\(String(config.socketMode, radix: 8))"])
        }

        try startMetrics()
        installSignalHandlers()
        if let interval = notifier?.watchdogInterval, let notifier {
            group.next().scheduleRepeatedTask(initialDelay: .zero, delay: .nanoseconds(Int64(interval * 1e9))) { _ in
                notifier.notify("WATCHDOG=1")
            }
        }
        notifier?.notify("READY=1\nSTATUS=\(dispatcher.statusLine())\nMAINPID=\(getpid())")
    }

    /// Binds the metrics endpoints that the configuration names (none by default).
    private func startMetrics() throws {
        let bootstrap = ServerBootstrap(group: group)
            .childChannelInitializer { [dispatcher] channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(
                        MetricsHTTPHandler(render: { dispatcher.prometheusText() }))
                }
            }
        if let path = config.metricsSocketPath {
            try prepareSocketPath(path)
            metricsChannels.append(try bootstrap.bind(unixDomainSocketPath: path, cleanupExistingSocketFile: true).wait())
            ownedMetricsSocketPath = path
            try applyPermissions(path)
            logger.info("serving Prometheus metrics", metadata: ["socket": "\(path)"])
        }
        if let port = config.metricsPort {
            do {
                metricsChannels.append(try bootstrap.bind(host: "127.0.0.1", port: port).wait())
            } catch {
                throw StartError(description: "cannot serve metrics on 127.0.0.1:\(port): \(error)")
            }
            logger.info("serving Prometheus metrics", metadata: ["address": "127.0.0.1:\(port)"])
        }
    }

    /// Blocks until a stop signal has been handled.
    func waitUntilStopped() { stopped.wait() }

    /// Refuses to steal the socket of a daemon that is still running, and makes the directory.
    private func prepareSocketPath(_ path: String) throws {
        if FileManager.default.fileExists(atPath: path), (try? RPCClient(path: path)) != nil {
            throw StartError(description: "another process is already listening on \(path); stop it or choose --socket")
        }
        let directory = (path as NSString).deletingLastPathComponent
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o755])
        } catch {
            throw StartError(description: "cannot create socket directory \(directory): \(error.localizedDescription)")
        }
    }

    private func applyPermissions(_ path: String) throws {
        guard chmod(path, mode_t(config.socketMode)) == 0 else {
            throw StartError(description: "cannot set mode \(String(config.socketMode, radix: 8)) on \(path): \(String(cString: strerror(errno)))")
        }
        guard let groupName = config.socketGroup else { return }
        guard let entry = getgrnam(groupName) else {
            throw StartError(description: "socket.group '\(groupName)' does not exist")
        }
        guard chown(path, uid_t.max, entry.pointee.gr_gid) == 0 else {
            throw StartError(description: "cannot give \(path) to group \(groupName): \(String(cString: strerror(errno)))")
        }
    }

    private func installSignalHandlers() {
        for sig in [SIGTERM, SIGINT, SIGHUP, SIGPIPE] { signal(sig, SIG_IGN) }
        let handlers: [(Int32, () -> Void)] = [
            (SIGTERM, { [self] in stop(reason: "SIGTERM") }),
            (SIGINT, { [self] in stop(reason: "SIGINT") }),
            (SIGHUP, { [self] in
                logger.info("SIGHUP: reloading dataset")
                dispatcher.reloadInBackground(trigger: "SIGHUP")
            }),
        ]
        signalSources = handlers.map { sig, body in
            let source = DispatchSource.makeSignalSource(signal: sig, queue: signalQueue)
            source.setEventHandler(handler: body)
            source.resume()
            return source
        }
    }

    /// Stops accepting, drains, closes everything; runs once on the signal queue.
    private func stop(reason: String) {
        guard !stopping else { return }
        stopping = true
        logger.info("stopping: draining requests in flight", metadata: ["signal": "\(reason)"])
        notifier?.notify("STOPPING=1\nSTATUS=draining requests")
        dispatcher.beginDrain()
        try? serverChannel?.close().wait()
        for channel in metricsChannels { try? channel.close().wait() }
        if !dispatcher.waitUntilIdle(timeout: config.drainTimeoutSeconds) {
            logger.warning("drain timeout passed with requests still running; closing anyway",
                           metadata: ["drain_timeout_seconds": "\(config.drainTimeoutSeconds)"])
        }
        try? group.syncShutdownGracefully()
        try? dispatcher.shutdownWorkers()
        if let path = ownedSocketPath { unlink(path) }
        if let path = ownedMetricsSocketPath { unlink(path) }
        logger.info("stopped")
        stopped.signal()
    }
}
