import QadamContract
@testable import QadamPostGIS
import Testing

/// PostgreSQL's text form of a cell read as the JSON value a file export would hold; no server
/// needed (the import tests read the same cells from a live PostGIS).
@Suite struct CellValueTests {
    private func read(_ text: String?, _ type: String, sql: String = "") throws -> JSONValue {
        try CellValue.json(text, column: "c", typeName: type, sqlName: sql.isEmpty ? type : sql)
    }

    @Test func theTypesAFileWouldHold() throws {
        #expect(try read("t", "bool") == .bool(true))
        #expect(try read("f", "bool") == .bool(false))
        #expect(try read("-42", "int4") == .int(-42))
        #expect(try read("9007199254740993", "int8") == .int(9_007_199_254_740_993))
        #expect(try read("0.1", "float8") == .double(0.1))
        #expect(try read("1200.5", "numeric") == .double(1200.5))
        #expect(try read("Школа №1", "varchar") == .string("Школа №1"))
        #expect(try read(#"{"a": [1, true]}"#, "jsonb") == ["a": [1, true]])
        #expect(try read(nil, "int4") == .null)
    }

    @Test func otherTypesAndNonFiniteNumbersAreRefusedWithTheFix() {
        #expect { try read("2026-12-08", "date") } throws: { "\($0)".contains("has type date, which qadam does not read; cast it in the query (e.g. c::text)") }
        #expect { try read("0101000020E6100000", "geography") } throws: { "\($0)".contains("(e.g. c::geometry)") }
        #expect { try read("NaN", "float8") } throws: { "\($0)".contains("is not a finite number") }
        #expect { try read("many", "int4") } throws: { "\($0)".contains("cannot read 'many'") }
    }
}
