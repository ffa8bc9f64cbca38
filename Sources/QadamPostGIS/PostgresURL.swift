import Foundation

/// A libpq connection URI, the part of its grammar a planner's connection string uses:
/// `postgresql://[user[:password]@][host][:port][/database][?host=/socket/dir&port=N&sslmode=M]`.
///
/// As with `psql`, what the URI leaves out comes from `PGUSER`, `PGPASSWORD`, `PGDATABASE`,
/// `PGHOST` and `PGPORT`, then from libpq's defaults: the login name, a database of the user's
/// name, and the Unix socket in `/var/run/postgresql` (Debian's) on port 5432. A host that is a
/// path (`?host=/tmp/pg` or `%2Ftmp%2Fpg`) is a socket directory.
public struct PostgresURL: Sendable, Equatable, CustomStringConvertible {
    public enum Endpoint: Sendable, Equatable {
        /// The socket file itself: `<directory>/.s.PGSQL.<port>`.
        case socket(path: String)
        case tcp(host: String, port: Int)
    }

    /// libpq's `sslmode`, the values that make sense without client certificates.
    public enum SSLMode: String, Sendable, CaseIterable {
        case disable, prefer, require
    }

    public var endpoint: Endpoint
    public var user: String
    public var password: String?
    public var database: String
    /// Ignored on a Unix socket, where libpq never uses TLS either.
    public var sslMode: SSLMode

    /// True for text that names a PostgreSQL server rather than a file.
    public static func isPostgresURL(_ text: String) -> Bool {
        text.hasPrefix("postgresql://") || text.hasPrefix("postgres://")
    }

    public init(_ text: String, environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        guard let schemeEnd = text.range(of: "://"), Self.isPostgresURL(text) else {
            throw PostgresURLError("'\(text)' is not a postgresql:// connection URI")
        }
        var rest = Substring(text[schemeEnd.upperBound...])
        var parameters: [String: String] = [:]
        if let q = rest.firstIndex(of: "?") {
            for pair in rest[rest.index(after: q)...].split(separator: "&") where !pair.isEmpty {
                let kv = pair.split(separator: "=", maxSplits: 1)
                guard kv.count == 2 else { throw PostgresURLError("parameter '\(pair)' is not name=value") }
                parameters[try Self.decoded(kv[0])] = try Self.decoded(kv[1])
            }
            rest = rest[..<q]
        }
        let slash = rest.firstIndex(of: "/") ?? rest.endIndex
        let authority = rest[..<slash]
        let path = slash < rest.endIndex ? try Self.decoded(rest[rest.index(after: slash)...]) : ""
        var userInfo: Substring = ""
        var hostPort = authority
        if let at = authority.lastIndex(of: "@") {
            userInfo = authority[..<at]
            hostPort = authority[authority.index(after: at)...]
        }
        var uriUser: String?, uriPassword: String?
        if !userInfo.isEmpty {
            let parts = userInfo.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
            uriUser = try Self.decoded(parts[0])
            if parts.count == 2 { uriPassword = try Self.decoded(parts[1]) }
        }
        var uriHost: String?, uriPort: String?
        if !hostPort.isEmpty {
            if let colon = hostPort.lastIndex(of: ":") {
                uriHost = try Self.decoded(hostPort[..<colon])
                uriPort = String(hostPort[hostPort.index(after: colon)...])
            } else {
                uriHost = try Self.decoded(hostPort)
            }
        }

        let env = { (name: String) in environment[name].flatMap { $0.isEmpty ? nil : $0 } }
        user = parameters["user"] ?? uriUser.flatMap { $0.isEmpty ? nil : $0 } ?? env("PGUSER") ?? Self.loginName()
        password = parameters["password"] ?? uriPassword ?? env("PGPASSWORD")
        database = parameters["dbname"] ?? (path.isEmpty ? nil : path) ?? env("PGDATABASE") ?? user
        let portText = parameters["port"] ?? uriPort.flatMap { $0.isEmpty ? nil : $0 } ?? env("PGPORT") ?? "5432"
        guard let port = Int(portText), (1...65535).contains(port) else {
            throw PostgresURLError("port '\(portText)' is not a number from 1 to 65535")
        }
        let modeText = parameters["sslmode"] ?? env("PGSSLMODE") ?? SSLMode.prefer.rawValue
        guard let mode = SSLMode(rawValue: modeText) else {
            throw PostgresURLError("sslmode '\(modeText)' is not one of \(SSLMode.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        sslMode = mode
        let host = parameters["host"] ?? uriHost.flatMap { $0.isEmpty ? nil : $0 } ?? env("PGHOST") ?? "/var/run/postgresql"
        endpoint = host.hasPrefix("/") ? .socket(path: "\(host)/.s.PGSQL.\(port)") : .tcp(host: host, port: port)
    }

    /// Where the server is and whom Qadam connects as, without the password: for messages.
    public var description: String {
        switch endpoint {
        case .socket(let path): return "PostgreSQL database '\(database)' as '\(user)' on socket \(path)"
        case .tcp(let host, let port): return "PostgreSQL database '\(database)' as '\(user)' at \(host):\(port)"
        }
    }

    private static func decoded(_ part: Substring) throws -> String {
        guard let text = String(part).removingPercentEncoding else {
            throw PostgresURLError("'\(part)' has a broken %-escape")
        }
        return text
    }

    private static func loginName() -> String {
        if let entry = getpwuid(getuid()), let name = entry.pointee.pw_name { return String(cString: name) }
        return ProcessInfo.processInfo.environment["USER"] ?? "postgres"
    }
}

/// A connection URI that cannot be read.
public struct PostgresURLError: Error, CustomStringConvertible, Sendable {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { "connection URI: \(message)" }
}
