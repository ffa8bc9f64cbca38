import Foundation
import Logging
import NIOCore
import NIOEmbedded
import QadamContract
import QadamEngine
@testable import QadamServer
import TestSupport

/// One connection of a real router (the fixture dataset, the standard methods and the debug
/// ones, a worker pool) on NIO's `NIOAsyncTestingChannel`: the bytes a client sends go in, the
/// lines the daemon writes come out, and the loop's clock moves only when a test says so. The
/// testing loop is thread-safe, so the workers' answers reach it through its queue as they
/// would reach a real loop.
final class EmbeddedServer {
    let channel: NIOAsyncTestingChannel
    let loop: NIOAsyncTestingEventLoop
    let router: RequestRouter
    let directory: String

    /// `peerUID` is who the kernel would say is calling; `config` the daemon's settings.
    init(config: DaemonConfig = DaemonConfig(), allowedUIDs: Set<UInt32> = [], peerUID: UInt32 = getuid()) async throws {
        directory = try DatasetFixture.scratchDirectory()
        let dataset = directory + "/fixture.qadam"
        _ = try DatasetFixture.write(to: dataset)
        let store = try SnapshotStore(datasetPath: dataset, loader: DatasetSnapshotLoader(normsPath: DatasetFixture.normsPath))
        var registry = MethodRegistry.standard
        DebugMethods.register(into: &registry)
        let service = QueryService(store: store, registry: registry)
        // A DaemonMetrics per test: each has a registry of its own (no process-wide bootstrap).
        let metrics = DaemonMetrics()
        let report = RuntimeReport(service: service, activity: DaemonActivity(maxConnections: config.maxConnections),
                                   stats: MethodStats(factory: metrics.factory), metrics: metrics)
        let logger = Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() })
        let router = RequestRouter(service: service, report: report, reloader: Reloader(store: store, notifier: nil, logger: logger), config: config)
        self.router = router
        loop = NIOAsyncTestingEventLoop()
        let policy = AccessPolicy(allowedUIDs: allowedUIDs, allowedGIDs: [])
        channel = try await NIOAsyncTestingChannel(loop: loop) { channel in
            try channel.pipeline.syncOperations.addHandler(ConnectionHandler(
                router: router, policy: policy, maximumLineLength: config.maxRequestBytes,
                idleTimeout: .nanoseconds(Int64(config.idleTimeoutSeconds * 1e9)), logger: logger,
                credentials: { channel in channel.eventLoop.makeSucceededFuture(PeerCredentials(pid: 4242, uid: peerUID, gid: 4242)) }))
        }
        try await channel.connect(to: SocketAddress(unixDomainSocketPath: "/embedded")).get()
    }

    /// Closes the connection and stops the router's workers: queued queries are cancelled at
    /// once, and a running one (a test's long `debug.sleep`) ends its thread when it is done,
    /// without the test waiting for it.
    func stop() async throws {
        _ = try? await channel.finish(acceptAlreadyClosed: true)
        let router = router
        Task.detached { try? await router.shutdownWorkers() }
        try await loop.shutdownGracefully()
        try? FileManager.default.removeItem(atPath: directory)
    }

    /// Sends bytes as the client would, in one read.
    func send(_ text: String) async throws {
        try await channel.writeInbound(ByteBuffer(string: text))
    }

    /// The lines written so far (each without its newline), after running what is due on the
    /// loop.
    func lines() async throws -> [String] {
        await loop.run()
        var out: [String] = []
        while let buffer = try await channel.readOutbound(as: ByteBuffer.self) {
            let text = String(buffer: buffer)
            precondition(text.hasSuffix("\n"), "an answer not ended by a newline: \(text)")
            out.append(String(text.dropLast()))
        }
        return out
    }

    /// Waits (up to `timeout` seconds of wall time) until `count` lines are out: answers made
    /// on a worker come when the worker is done.
    func lines(count: Int, timeout: Double = 10) async throws -> [String] {
        var out: [String] = []
        let deadline = Date().addingTimeInterval(timeout)
        while out.count < count, Date() < deadline {
            out += try await lines()
            if out.count < count { try await Task.sleep(for: .milliseconds(2)) }
        }
        return out
    }

    static func json(_ line: String) throws -> JSONValue { try JSONText.parse(line) }
}
