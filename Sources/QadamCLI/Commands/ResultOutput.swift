import Foundation
import QadamContract

/// Writing a method's result: `--format json` gives the result object itself (so it is the
/// same whichever backend answered), the other formats a table built from it, named `layer`
/// in a GeoPackage.
enum ResultOutput {
    /// `preamble` is printed above the table in `table` format only (a heading for people).
    /// `result` is asked for only for `--format json`: in process it is written then, from the
    /// typed answer, and never for a table.
    static func write(_ result: @autoclosure () throws -> JSONValue, to output: OutputOptions, layer: String, preamble: String? = nil,
                      table: () throws -> Tabular) throws {
        if output.format == .text(.json) {
            try output.write(text: try JSONOutput.string(result()))
            return
        }
        try output.write(try table(), layer: layer, preamble: preamble)
    }
}
