import Foundation
import QadamProtocol

/// Printing a method's result: `--format json` prints the result object itself (so it is the
/// same whichever backend answered), the other formats a table built from it.
enum ResultOutput {
    /// `preamble` is printed above the table in `table` format only (a heading for people).
    static func write(_ result: JSONValue, format: OutputFormat, preamble: String? = nil,
                     table: () throws -> Tabular) throws {
        if format == .json {
            emit(try JSONOutput.string(result))
            return
        }
        let rows = try table()
        if format == .table, let preamble { emit(preamble + "\n") }
        emit(rows.render(format))
    }

    /// Reads a result (or one member of it) as a typed value; an answer of another shape is a
    /// data error naming what was expected.
    static func decode<T: Decodable>(_ type: T.Type, from value: JSONValue?, what: String) throws -> T {
        do {
            let text = try JSONText.serialize(value ?? .null)
            return try JSONDecoder().decode(T.self, from: Data(text.utf8))
        } catch {
            throw CLIError("the answer has no readable \(what): \(error)", exitCode: .dataError)
        }
    }
}
