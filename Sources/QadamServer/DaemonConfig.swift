import Foundation
import Logging
import QadamContract

/// Everything `qadamd` can be told, with its defaults. Sources, weakest first: built-in
/// defaults, the config file (`/etc/qadam/qadamd.toml` or `--config`), environment
/// (`QADAMD_DATASET`, `QADAMD_SOCKET`, `QADAMD_LOG_LEVEL`), command-line flags.
struct DaemonConfig: Sendable {
    static let defaultConfigPath = "/etc/qadam/qadamd.toml"

    var datasetPath: String?
    /// Norms catalogue file; nil means the default search (`NormsLocation.default()`).
    var normsPath: String?
    var socketPath: String = SocketPath.defaultPath()
    /// Permission bits of a socket file the daemon creates itself.
    var socketMode: UInt32 = 0o660
    /// Group to give the socket file (needs privilege to change); nil keeps the process's.
    var socketGroup: String?
    /// Peers allowed to talk to the daemon besides root and the daemon's own user; both
    /// empty means "anyone who can open the socket file", whose mode is the first gate.
    var allowedUIDs: Set<UInt32> = []
    var allowedGIDs: Set<UInt32> = []
    var maxConnections = 2048
    var maxRequestBytes = 1 << 20
    var maxResultBytes = 64 << 20
    var idleTimeoutSeconds: Double = 300
    var requestTimeoutSeconds: Double = 60
    var workers = max(2, ProcessInfo.processInfo.activeProcessorCount)
    /// Network threads: they read requests, answer the inline methods and write answers. Two
    /// by default (at most the cores): on this project's 2-core hosts more loops only contend
    /// with the workers; a larger host serving many light requests may want more.
    var eventLoops = min(2, ProcessInfo.processInfo.activeProcessorCount)
    /// Requests allowed to wait for a worker before new ones are refused as overloaded.
    var maxQueuedRequests = 1024
    var drainTimeoutSeconds: Double = 10
    var logLevel: Logger.Level = .info
    /// Registers the `debug.*` methods (sleep, bytes) used to test limits and draining.
    var debugMethods = false
    /// Prometheus text exposition (`GET /metrics`): on a Unix socket and/or a loopback TCP
    /// port. Both off by default.
    var metricsSocketPath: String?
    var metricsPort: Int?

    struct ConfigError: Error, CustomStringConvertible {
        let description: String
    }

    /// Applies a config file's keys; syntax errors, unknown keys and wrong types are errors
    /// naming the file, the line and the key.
    mutating func apply(file path: String) throws {
        try apply(ConfigFile(path: path))
    }

    mutating func apply(_ file: ConfigFile) throws {
        for entry in file.entries {
            let value = entry.value
            func string() throws -> String {
                guard let s = value.string else { throw file.error(entry, "must be a string") }
                return s
            }
            func integer() throws -> Int {
                guard let i = value.int, i > 0 else { throw file.error(entry, "must be a positive integer") }
                return i
            }
            func seconds() throws -> Double {
                guard let d = value.int.map(Double.init) ?? value.double, d > 0, d.isFinite else {
                    throw file.error(entry, "must be a positive number of seconds")
                }
                return d
            }
            func ids() throws -> Set<UInt32> {
                guard let items = value.array else { throw file.error(entry, "must be an array of numeric ids") }
                return Set(try items.map { item -> UInt32 in
                    guard let i = item.int, let id = UInt32(exactly: i) else { throw file.error(entry, "must be an array of numeric ids") }
                    return id
                })
            }
            switch entry.key {
            case "dataset": datasetPath = try string()
            case "norms": normsPath = try string()
            case "socket.path": socketPath = try string()
            case "socket.mode":
                guard let mode = UInt32(try string(), radix: 8), mode <= 0o777 else { throw file.error(entry, "must be an octal string like \"0660\"") }
                socketMode = mode
            case "socket.group": socketGroup = try string()
            case "access.allowed_uids": allowedUIDs = try ids()
            case "access.allowed_gids": allowedGIDs = try ids()
            case "limits.max_connections": maxConnections = try integer()
            case "limits.max_request_bytes": maxRequestBytes = try integer()
            case "limits.max_result_bytes": maxResultBytes = try integer()
            case "limits.idle_timeout_seconds": idleTimeoutSeconds = try seconds()
            case "limits.request_timeout_seconds": requestTimeoutSeconds = try seconds()
            case "limits.workers": workers = try integer()
            case "limits.event_loops": eventLoops = try integer()
            case "limits.max_queued_requests": maxQueuedRequests = try integer()
            case "limits.drain_timeout_seconds": drainTimeoutSeconds = try seconds()
            case "metrics.socket": metricsSocketPath = try string()
            case "metrics.port":
                let port = try integer()
                guard port <= 65535 else { throw file.error(entry, "must be a TCP port (1-65535)") }
                metricsPort = port
            case "log.level":
                guard let level = Logger.Level(rawValue: try string().lowercased()) else {
                    throw file.error(entry, "must be one of \(Logger.Level.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                logLevel = level
            default: throw file.error(entry, "is not a qadamd setting (see qadamd(1) and /etc/qadam/qadamd.toml)")
            }
        }
    }

    mutating func apply(environment: [String: String]) throws {
        if let v = environment["QADAMD_DATASET"], !v.isEmpty { datasetPath = v }
        if let v = environment["QADAMD_NORMS"], !v.isEmpty { normsPath = v }
        if let v = environment["QADAMD_SOCKET"], !v.isEmpty { socketPath = v }
        if let v = environment["QADAMD_LOG_LEVEL"], !v.isEmpty { logLevel = try Self.level(v, source: "QADAMD_LOG_LEVEL") }
    }

    static func level(_ text: String, source: String) throws -> Logger.Level {
        guard let level = Logger.Level(rawValue: text.lowercased()) else {
            let names = Logger.Level.allCases.map(\.rawValue).joined(separator: ", ")
            throw ConfigError(description: "\(source): unknown log level '\(text)' (one of \(names))")
        }
        return level
    }
}
