import ArgumentParser
import Foundation
import Logging
import QadamContract
import QadamEngine
import ServiceLifecycle
#if canImport(Glibc)
import Glibc
#endif

/// `qadamd`: loads a dataset and answers JSON-RPC queries on a Unix socket until stopped.
public struct QadamdCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "qadamd",
        abstract: "Qadam query daemon: walking-distance and service-gap queries over a Unix socket.",
        discussion: """
            Runs in the foreground and logs to stderr. Settings come from the config file \
            (\(DaemonConfig.defaultConfigPath) if present, or --config), then QADAMD_DATASET, \
            QADAMD_NORMS, QADAMD_SOCKET and QADAMD_LOG_LEVEL, then these flags. SIGHUP reloads the dataset; \
            SIGTERM or SIGINT drains running requests and exits. The protocol is described in \
            docs/protocol.md.
            """,
        version: QadamVersion.current)

    @Option(help: "Dataset file (SpatiaLite) to serve.")
    var dataset: String?

    @Option(help: "Norms catalogue (JSON); default: $QADAM_NORMS, else geodata/norms/default.json of the installation.")
    var norms: String?

    @Option(help: "Unix socket path to listen on (default: /run/qadam/qadamd.sock for root, else $XDG_RUNTIME_DIR/qadam/qadamd.sock).")
    var socket: String?

    @Option(help: "Config file (TOML); default \(DaemonConfig.defaultConfigPath) when it exists.")
    var config: String?

    @Option(help: ArgumentHelp(
        "Check a config file (with the environment and flags on top, as a start would) and exit: 0 when valid, 1 with the error's line and key.",
        discussion: "For ExecStartPre= and for administrators editing the file; the dataset is not loaded.",
        valueName: "file"))
    var checkConfig: String?

    @Option(help: "Group to own the socket file.")
    var socketGroup: String?

    @Option(help: "Most simultaneous connections.")
    var maxConnections: Int?

    @Option(help: "Longest request line in bytes.")
    var maxRequestBytes: Int?

    @Option(help: "Largest response in bytes; larger results become error -32002.")
    var maxResultBytes: Int?

    @Option(help: "Seconds of silence after which a connection is closed.")
    var idleTimeout: Double?

    @Option(help: "Seconds a query may run before it is answered with error -32003.")
    var requestTimeout: Double?

    @Option(help: "Worker threads for queries.")
    var workers: Int?

    @Option(help: "Network threads that read requests, answer the inline methods and write answers (default: 2, at most the cores).")
    var eventLoops: Int?

    @Option(help: "Log level: trace, debug, info, notice, warning, error, critical.")
    var logLevel: String?

    @Option(help: "Serve Prometheus metrics (GET /metrics) on this Unix socket; off by default.")
    var metricsSocket: String?

    @Option(help: "Serve Prometheus metrics (GET /metrics) on 127.0.0.1 at this port; off by default.")
    var metricsPort: Int?

    @Flag(help: "Serve the debug.sleep and debug.bytes methods (for testing limits).")
    var enableDebugMethods = false

    @Flag(help: "Print the contract as an OpenRPC document (what rpc.discover answers; docs/openrpc.json) and exit.")
    var openrpc = false

    public init() {}

    public func run() async throws {
        if openrpc {
            return print(try JSONText.pretty(OpenRPCDocument.document))
        }
        if let checkConfig {
            return try Self.check(config: checkConfig) { try resolveConfig(file: checkConfig) }
        }
        let settings = try resolveConfig(file: config)
        LoggingSystem.bootstrap { label in
            var handler = QueuedLogHandler(label: label)
            handler.logLevel = settings.logLevel
            return handler
        }
        defer { LogQueue.shared.flush() }
        let logger = Logger(label: "qadamd")
        raiseFileLimit()
        guard let datasetSetting = settings.datasetPath else {
            throw ValidationError("no dataset: pass --dataset FILE, set QADAMD_DATASET, or set `dataset` in the config file")
        }
        // Absolute, so that `info` and the logs say exactly which file is served.
        let datasetPath = URL(fileURLWithPath: datasetSetting).standardizedFileURL.path

        let store: SnapshotStore
        do {
            store = try SnapshotStore(datasetPath: datasetPath, loader: DatasetSnapshotLoader(normsPath: settings.normsPath))
        } catch {
            logger.critical("cannot load dataset", metadata: ["error": "\(error)"])
            LogQueue.shared.flush()
            throw ExitCode(1)
        }
        logger.info("dataset loaded", metadata: [
            "dataset": "\(datasetPath)", "snapshot": "\(store.current.contentHash)",
            "load_seconds": "\(store.current.loadSeconds)",
        ])
        var registry = MethodRegistry.standard
        if settings.debugMethods { DebugMethods.register(into: &registry) }
        let notifier = SystemdNotifier()
        let service = QueryService(store: store, registry: registry)
        let metrics = DaemonMetrics()
        let report = RuntimeReport(service: service, activity: DaemonActivity(maxConnections: settings.maxConnections),
                                   stats: MethodStats(factory: metrics.factory), metrics: metrics)
        let reloader = Reloader(store: store, notifier: notifier, logger: logger)
        let router = RequestRouter(service: service, report: report, reloader: reloader, config: settings)
        let daemon = QadamdService(server: Server(config: settings, router: router, logger: logger), router: router,
                                   reloader: reloader, notifier: notifier,
                                   drainTimeout: .milliseconds(Int64(settings.drainTimeoutSeconds * 1000)), logger: logger)
        signal(SIGPIPE, SIG_IGN)
        let group = ServiceGroup(configuration: .init(
            // Graceful shutdown reaches services last to first: the daemon drains first while
            // SIGHUP is still handled (not left to its default, which would kill the process),
            // then the hangup service is told to stop.
            services: [
                .init(service: HangupReloadService(reloader: reloader, logger: logger), successTerminationBehavior: .ignore),
                .init(service: daemon),
            ],
            gracefulShutdownSignals: [.sigterm, .sigint],
            logger: logger))
        do {
            try await group.run()
        } catch {
            logger.critical("cannot start", metadata: ["error": "\(error)"])
            LogQueue.shared.flush()
            throw ExitCode(1)
        }
        logger.info("stopped")
    }

    /// Runs `resolve` for `--check-config`, reporting the outcome as the exit status.
    private static func check(config path: String, _ resolve: () throws -> DaemonConfig) throws {
        do {
            let settings = try resolve()
            print("\(path): OK (dataset \(settings.datasetPath ?? "not set"), socket \(settings.socketPath))")
        } catch {
            FileHandle.standardError.write(Data("qadamd: \(error)\n".utf8))
            throw ExitCode(1)
        }
    }

    /// Defaults, then config file (`file`, else the default one when present), then
    /// environment, then flags.
    private func resolveConfig(file: String?) throws -> DaemonConfig {
        var settings = DaemonConfig()
        let environment = ProcessInfo.processInfo.environment
        if let path = file {
            try settings.apply(file: path)
        } else if FileManager.default.fileExists(atPath: DaemonConfig.defaultConfigPath) {
            try settings.apply(file: DaemonConfig.defaultConfigPath)
        }
        try settings.apply(environment: environment)
        if let dataset { settings.datasetPath = dataset }
        if let norms { settings.normsPath = norms }
        if let socket { settings.socketPath = socket }
        if let socketGroup { settings.socketGroup = socketGroup }
        if let maxConnections { settings.maxConnections = try positive(maxConnections, "--max-connections") }
        if let maxRequestBytes { settings.maxRequestBytes = try positive(maxRequestBytes, "--max-request-bytes") }
        if let maxResultBytes { settings.maxResultBytes = try positive(maxResultBytes, "--max-result-bytes") }
        if let idleTimeout { settings.idleTimeoutSeconds = try positive(idleTimeout, "--idle-timeout") }
        if let requestTimeout { settings.requestTimeoutSeconds = try positive(requestTimeout, "--request-timeout") }
        if let workers { settings.workers = try positive(workers, "--workers") }
        if let eventLoops { settings.eventLoops = try positive(eventLoops, "--event-loops") }
        if let logLevel { settings.logLevel = try DaemonConfig.level(logLevel, source: "--log-level") }
        if let metricsSocket { settings.metricsSocketPath = metricsSocket }
        if let metricsPort {
            guard (1...65535).contains(metricsPort) else { throw ValidationError("--metrics-port must be 1-65535") }
            settings.metricsPort = metricsPort
        }
        if enableDebugMethods { settings.debugMethods = true }
        return settings
    }

    private func positive<T: Numeric & Comparable>(_ value: T, _ flag: String) throws -> T {
        guard value > 0 else { throw ValidationError("\(flag) must be positive") }
        return value
    }

    /// Many idle clients are normal for a daemon; lift the soft descriptor limit to the hard one.
    private func raiseFileLimit() {
        var limit = rlimit()
        guard getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0, limit.rlim_cur < limit.rlim_max else { return }
        limit.rlim_cur = limit.rlim_max
        setrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit)
    }
}

