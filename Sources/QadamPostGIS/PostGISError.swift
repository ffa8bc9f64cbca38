import Foundation
import NIOCore
import NIOPosix
import PostgresNIO

/// Why a PostGIS source could not be read, in one sentence that names what failed: the
/// server, the query, a column.
public struct PostGISError: Error, CustomStringConvertible, Sendable {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }

    /// PostgresNIO's own description hides the server's words (so that logs cannot leak
    /// data); a person at the command line needs them, and the SQL position of the mistake.
    static func explaining(_ error: any Error, while doing: String) -> PostGISError {
        guard let e = error as? PSQLError else { return PostGISError("\(doing): \(error)") }
        if let info = e.serverInfo, let message = info[.message] {
            var text = "\(doing): \(message)"
            if let state = info[.sqlState] { text += " (SQLSTATE \(state))" }
            if let position = info[.position] { text += " at character \(position)" }
            if let detail = info[.detail] { text += "; \(detail)" }
            if let hint = info[.hint] { text += "; hint: \(hint)" }
            return PostGISError(text)
        }
        if let underlying = e.underlying { return PostGISError("\(doing): \(reason(underlying))") }
        return PostGISError("\(doing): \(e.code)")
    }

    /// The operating system's words for a failed connect ("No such file or directory" for a
    /// socket that is not there, "Connection refused" for a port nobody listens on).
    private static func reason(_ error: any Error) -> String {
        if let io = error as? IOError { return String(cString: strerror(io.errnoCode)) }
        if let connect = error as? NIOConnectionError, let first = connect.connectionErrors.first {
            return reason(first.error)
        }
        return "\(error)"
    }
}
