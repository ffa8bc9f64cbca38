import Foundation
import Logging
import NIOCore
import NIOHTTP1
import NIOPosix
import QadamClient
import QadamContract
#if canImport(Glibc)
import Glibc
#endif

/// The daemon's sockets: the request socket (bound here, or adopted from systemd) and the
/// optional metrics endpoints, on one event-loop group; `close` stops accepting and removes
/// the socket files it created. When it runs and stops is `QadamdService`'s business.
final class Server: Sendable {
    struct StartError: Error, CustomStringConvertible {
        let description: String
    }

    let group: MultiThreadedEventLoopGroup
    private let config: DaemonConfig
    private let router: RequestRouter
    private let logger: Logger

    /// What `start` opened, for `close`.
    struct Listening: Sendable {
        let channels: [Channel]
        /// Socket files we created and must remove (not systemd's).
        let ownedPaths: [String]
    }

    init(config: DaemonConfig, router: RequestRouter, logger: Logger) {
        group = MultiThreadedEventLoopGroup(numberOfThreads: config.eventLoops)
        self.config = config
        self.router = router
        self.logger = logger
    }

    /// Starts listening; returns once requests are being accepted.
    func start() async throws -> Listening {
        var channels: [Channel] = []
        var owned: [String] = []
        let bootstrap = ServerBootstrap(group: group)
            // The kernel caps the backlog at net.core.somaxconn (4096 on Debian 12): a burst of
            // 2,000 connects waits in it instead of being refused while the loop accepts.
            .serverChannelOption(.backlog, value: 4096)
            .serverChannelOption(.maxMessagesPerRead, value: 256)
            .childChannelInitializer { [config, router, logger] channel in
                channel.eventLoop.makeCompletedFuture {
                    let policy = AccessPolicy(allowedUIDs: config.allowedUIDs, allowedGIDs: config.allowedGIDs)
                    try channel.pipeline.syncOperations.addHandler(
                        ConnectionHandler(router: router, policy: policy, maximumLineLength: config.maxRequestBytes,
                                          idleTimeout: .nanoseconds(Int64(config.idleTimeoutSeconds * 1e9)), logger: logger))
                }
            }
        if let fd = SocketActivation.inheritedListener() {
            channels.append(try await bootstrap.withBoundSocket(fd).get())
            logger.info("listening on socket inherited from systemd", metadata: ["fd": "\(fd)"])
        } else {
            let path = config.socketPath
            try prepareSocketPath(path)
            channels.append(try await bootstrap.bind(unixDomainSocketPath: path, cleanupExistingSocketFile: true).get())
            owned.append(path)
            try applyPermissions(path)
            logger.info("listening", metadata: ["socket": "\(path)", "mode": "\(String(config.socketMode, radix: 8))"])
        }
        let metrics = try await startMetrics()
        return Listening(channels: channels + metrics.channels, ownedPaths: owned + metrics.ownedPaths)
    }

    /// Binds the metrics endpoints that the configuration names (none by default): HTTP/1.1
    /// through NIOHTTP1, which also answers malformed requests with 400.
    private func startMetrics() async throws -> Listening {
        let report = router.report
        let bootstrap = ServerBootstrap(group: group)
            .childChannelInitializer { channel in
                channel.pipeline.configureHTTPServerPipeline(withErrorHandling: true).flatMapThrowing {
                    try channel.pipeline.syncOperations.addHandler(MetricsHTTPHandler(render: { report.prometheusText() }))
                }
            }
        var channels: [Channel] = []
        var owned: [String] = []
        if let path = config.metricsSocketPath {
            try prepareSocketPath(path)
            channels.append(try await bootstrap.bind(unixDomainSocketPath: path, cleanupExistingSocketFile: true).get())
            owned.append(path)
            try applyPermissions(path)
            logger.info("serving Prometheus metrics", metadata: ["socket": "\(path)"])
        }
        if let port = config.metricsPort {
            do {
                channels.append(try await bootstrap.bind(host: "127.0.0.1", port: port).get())
            } catch {
                throw StartError(description: "cannot serve metrics on 127.0.0.1:\(port): \(error)")
            }
            logger.info("serving Prometheus metrics", metadata: ["address": "127.0.0.1:\(port)"])
        }
        return Listening(channels: channels, ownedPaths: owned)
    }

    /// Stops accepting on every socket and removes the files we created; open connections
    /// stay until their answers are out.
    func close(_ listening: Listening) async {
        for channel in listening.channels { try? await channel.close() }
        for path in listening.ownedPaths { unlink(path) }
    }

    func shutdown() async { try? await group.shutdownGracefully() }

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
}
