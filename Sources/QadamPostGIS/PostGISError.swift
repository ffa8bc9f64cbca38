import Foundation
import CLibPQ

/// Why a PostGIS source could not be read, in one sentence that names what failed: the
/// server, the query, a column.
public struct PostGISError: Error, CustomStringConvertible, Sendable {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }

    /// A failed connection: whom Qadam tried to reach (libpq has filled in the defaults by
    /// then; never the password) and libpq's first line, which names the socket or host and
    /// the operating system's or the server's reason.
    static func connecting(_ connection: OpaquePointer) -> PostGISError {
        let database = PQdb(connection).map { String(cString: $0) } ?? "?"
        let user = PQuser(connection).map { String(cString: $0) } ?? "?"
        return PostGISError("cannot connect to PostgreSQL database '\(database)' as '\(user)': \(firstLine(String(cString: PQerrorMessage(connection))))")
    }

    /// A refused statement, in the server's own words with its SQLSTATE, the position of the
    /// mistake in the SQL, and the detail and hint the server gave.
    static func refused(_ result: OpaquePointer?, on connection: OpaquePointer, while doing: String) -> PostGISError {
        func field(_ code: UInt8) -> String? {
            guard let result, let value = PQresultErrorField(result, Int32(code)) else { return nil }
            return String(cString: value)
        }
        guard let message = field(UInt8(ascii: "M")) else {
            return PostGISError("\(doing): \(firstLine(String(cString: PQerrorMessage(connection))))")
        }
        var text = "\(doing): \(message)"
        if let state = field(UInt8(ascii: "C")) { text += " (SQLSTATE \(state))" }
        if let position = field(UInt8(ascii: "P")) { text += " at character \(position)" }
        if let detail = field(UInt8(ascii: "D")) { text += "; \(detail)" }
        if let hint = field(UInt8(ascii: "H")) { text += "; hint: \(hint)" }
        return PostGISError(text)
    }

    /// libpq's messages run over several lines ("...failed: Connection refused\n\tIs the server
    /// running...?"); the first says what happened.
    static func firstLine(_ text: String) -> String {
        String(text.split(separator: "\n", omittingEmptySubsequences: true).first ?? "")
            .trimmingCharacters(in: .whitespaces)
    }
}
