import Foundation
import CLibPQ

/// A libpq connection URI (`postgresql://[user[:password]@][host][:port][/database][?...]`),
/// checked by libpq's own parser, so a planner's string from psql or QGIS means here what it
/// means there: what it leaves out comes from `PGUSER`, `PGHOST`, ... and libpq's defaults
/// when the connection is made, and every parameter libpq knows (`sslmode`, `host=/socket/dir`,
/// `connect_timeout`, ...) is honoured.
public struct PostgresURI: Sendable, Equatable {
    public let text: String

    /// True for text that names a PostgreSQL server rather than a file.
    public static func isPostgresURI(_ text: String) -> Bool {
        text.hasPrefix("postgresql://") || text.hasPrefix("postgres://")
    }

    public init(_ text: String) throws {
        guard Self.isPostgresURI(text) else {
            throw PostgresURIError("'\(text)' is not a postgresql:// connection URI")
        }
        var message: UnsafeMutablePointer<CChar>?
        guard let options = PQconninfoParse(text, &message) else {
            let reason = message.map { String(cString: $0) } ?? "libpq could not read it"
            PQfreemem(message)
            throw PostgresURIError(Self.withoutPassword(PostGISError.firstLine(reason), of: text))
        }
        PQconninfoFree(options)
        self.text = text
    }
}

extension PostgresURI {
    /// libpq quotes the part it could not read, which may be the password: never print it.
    static func withoutPassword(_ message: String, of uri: String) -> String {
        guard let scheme = uri.range(of: "://") else { return message }
        let rest = uri[scheme.upperBound...]
        guard let at = rest.firstIndex(of: "@"), let colon = rest[..<at].firstIndex(of: ":") else { return message }
        let password = String(rest[rest.index(after: colon)..<at])
        return password.isEmpty ? message : message.replacingOccurrences(of: password, with: "***")
    }
}

/// A connection URI that libpq cannot read.
public struct PostgresURIError: Error, CustomStringConvertible, Sendable {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { "connection URI: \(message)" }
}
