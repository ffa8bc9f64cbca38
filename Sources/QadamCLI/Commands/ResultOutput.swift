import Foundation
import QadamProtocol

/// Writing a method's result: `--format json` gives the result object itself (so it is the
/// same whichever backend answered), the other formats a table built from it, named `layer`
/// in a GeoPackage.
enum ResultOutput {
    /// `preamble` is printed above the table in `table` format only (a heading for people).
    static func write(_ result: JSONValue, to output: OutputOptions, layer: String, preamble: String? = nil,
                      table: () throws -> Tabular) throws {
        if output.format == .text(.json) {
            try output.write(text: try JSONOutput.string(result))
            return
        }
        try output.write(try table(), layer: layer, preamble: preamble)
    }

    /// Reads a result (or one member of it) as a typed value; an answer of another shape is a
    /// data error naming what was expected.
    static func decode<T: Decodable>(_ type: T.Type, from value: JSONValue?, what: String) throws -> T {
        do {
            return try (value ?? .null).decode(T.self)
        } catch {
            throw CLIError("the answer has no readable \(what): \(error)", exitCode: .dataError)
        }
    }
}
