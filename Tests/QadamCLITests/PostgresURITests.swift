import QadamPostGIS
import Testing

/// The libpq URI forms a planner copies from psql or QGIS are taken as libpq reads them, and
/// what libpq cannot read is refused before any connection, in libpq's words.
@Suite("PostgreSQL connection URIs")
struct PostgresURITests {
    @Test(arguments: [
        "postgresql://planner@/city?host=/tmp/pg",
        "postgres://planner@%2Fvar%2Frun%2Fpostgresql:5433/city",
        "postgresql://planner:s%40cret@db.akimat.kz:6432/city?sslmode=require",
        "postgresql://h/db?sslmode=verify-full&connect_timeout=5",
        "postgresql://",
    ])
    func libpqsFormsAreAccepted(text: String) throws {
        #expect(try PostgresURI(text).text == text)
    }

    @Test(arguments: [
        ("postgresql://h/db?host", #"missing key/value separator "=" in URI query parameter: "host""#),
        ("postgresql://h/db?colour=red", #"invalid URI query parameter: "colour""#),
        ("postgresql://h/db%zz", "invalid percent-encoded token"),
        ("mysql://h/db", "is not a postgresql:// connection URI"),
    ])
    func whatLibpqCannotReadIsRefusedInItsWords(text: String, reason: String) {
        #expect {
            try PostgresURI(text)
        } throws: { error in
            let message = (error as? PostgresURIError)?.description ?? ""
            return message.contains(reason) && !message.contains("\n")
        }
    }

    /// libpq quotes what it could not read, which may be the password; the message never shows it.
    @Test func aPasswordNeverAppearsInTheRefusal() {
        #expect {
            try PostgresURI("postgresql://planner:s3cr%zzet@h/db")
        } throws: { error in
            let message = (error as? PostgresURIError)?.description ?? ""
            return message.contains("invalid percent-encoded token") && !message.contains("s3cr")
        }
    }
}
