import Foundation
import Logging
import NIOCore
import NIOEmbedded
import QadamContract
import QadamEngine
@testable import QadamServer
import TestSupport

/// One connection of a real router (the fixture dataset, the standard methods and the debug
/// ones, a worker pool) on NIO's `EmbeddedChannel`: the bytes a client sends go in, the lines
/// the daemon writes come out, and the loop's clock moves only when a test says so.
final class EmbeddedServer {
    let channel: EmbeddedChannel
    let loop: EmbeddedEventLoop
    let router: RequestRouter
    let directory: String

    /// `peerUID` is who the kernel would say is calling; `config` the daemon's settings.
    init(config: DaemonConfig = DaemonConfig(), allowedUIDs: Set<UInt32> = [], peerUID: UInt32 = getuid()) throws {
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
        router = RequestRouter(service: service, report: report, reloader: Reloader(store: store, notifier: nil, logger: logger), config: config)
        loop = EmbeddedEventLoop()
        let handler = ConnectionHandler(
            router: router, policy: AccessPolicy(allowedUIDs: allowedUIDs, allowedGIDs: []),
            maximumLineLength: config.maxRequestBytes, idleTimeout: .nanoseconds(Int64(config.idleTimeoutSeconds * 1e9)),
            logger: logger,
            credentials: { channel in channel.eventLoop.makeSucceededFuture(PeerCredentials(pid: 4242, uid: peerUID, gid: 4242)) })
        channel = EmbeddedChannel(handler: handler, loop: loop)
        try channel.connect(to: SocketAddress(unixDomainSocketPath: "/embedded")).wait()
    }

    deinit {
        _ = try? channel.finish()
        try? FileManager.default.removeItem(atPath: directory)
    }

    /// Sends bytes as the client would, in one read.
    func send(_ text: String) throws {
        try channel.writeInbound(ByteBuffer(string: text))
    }

    /// The lines written so far (each without its newline), after running what is due on the
    /// loop; answers from workers arrive by the loop's queue, so a test that expects one waits
    /// with `lines(count:)`.
    func lines() throws -> [String] {
        loop.run()
        var out: [String] = []
        while let buffer = try channel.readOutbound(as: ByteBuffer.self) {
            let text = String(buffer: buffer)
            precondition(text.hasSuffix("\n"), "an answer not ended by a newline: \(text)")
            out.append(String(text.dropLast()))
        }
        return out
    }

    /// Waits (up to `timeout` seconds of wall time, running the loop) until `count` lines are out.
    func lines(count: Int, timeout: Double = 10) throws -> [String] {
        var out: [String] = []
        let deadline = Date().addingTimeInterval(timeout)
        while out.count < count, Date() < deadline {
            out += try lines()
            if out.count < count { usleep(2_000) }
        }
        return out
    }

    static func json(_ line: String) throws -> JSONValue { try JSONText.parse(line) }
}
