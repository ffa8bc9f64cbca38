import QadamPostGIS
import Testing

/// The libpq URI forms a planner copies from psql or QGIS, and the environment defaults.
@Suite("PostgreSQL connection URIs")
struct PostgresURLTests {
    @Test func aSocketDirectoryInTheHostParameter() throws {
        let url = try PostgresURL("postgresql://planner@/city?host=/tmp/pg", environment: [:])
        #expect(url.endpoint == .socket(path: "/tmp/pg/.s.PGSQL.5432"))
        #expect(url.user == "planner")
        #expect(url.database == "city")
        #expect(url.password == nil)
    }

    @Test func aPercentEncodedSocketDirectoryAndAPort() throws {
        let url = try PostgresURL("postgres://planner@%2Fvar%2Frun%2Fpostgresql:5433/city", environment: [:])
        #expect(url.endpoint == .socket(path: "/var/run/postgresql/.s.PGSQL.5433"))
    }

    @Test func tcpWithPasswordAndSSLMode() throws {
        let url = try PostgresURL("postgresql://planner:s%40cret@db.akimat.kz:6432/city?sslmode=require", environment: [:])
        #expect(url.endpoint == .tcp(host: "db.akimat.kz", port: 6432))
        #expect(url.password == "s@cret")
        #expect(url.sslMode == .require)
        #expect(!url.description.contains("s@cret"))
    }

    @Test func whatTheURILeavesOutComesFromTheEnvironment() throws {
        let url = try PostgresURL("postgresql://", environment: ["PGUSER": "gis", "PGHOST": "/run/pg", "PGPORT": "5440", "PGPASSWORD": "pw"])
        #expect(url.user == "gis")
        #expect(url.database == "gis")
        #expect(url.password == "pw")
        #expect(url.endpoint == .socket(path: "/run/pg/.s.PGSQL.5440"))
    }

    @Test(arguments: ["postgresql://h:port/db", "postgresql://h/db?sslmode=verify-full", "postgresql://h/db?host", "mysql://h/db"])
    func badURIsAreRefused(text: String) {
        #expect(throws: PostgresURLError.self) { try PostgresURL(text, environment: [:]) }
    }
}
