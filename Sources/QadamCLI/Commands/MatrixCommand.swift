import ArgumentParser
import Foundation
import QadamContract

/// `qadam matrix --from-layer L1 --to-layer L2`: network length and time between every
/// feature of two dataset layers, one CSV row per pair (`from,to,length_m,time_s`; empty
/// measures where there is no route).
///
/// The `matrix` method is asked a batch of origins at a time (`from_offset`, `from_limit`),
/// in-process and over the socket alike, and each batch's rows are written before the next is
/// asked for, so any size streams in bounded memory and both backends print the same rows.
struct MatrixCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "matrix",
        abstract: "Travel length and time between the features of two layers (settlements, facilities, demand).",
        discussion: "Rows stream as they are computed: --format csv (default) or json (an array of row objects).")

    @OptionGroup var backend: BackendOptions
    @Option(help: "Origin layer.") var fromLayer: MatrixLayer
    @Option(help: "Destination layer.") var toLayer: MatrixLayer
    @Option(help: "Only facilities of this kind as origins (with --from-layer facilities).") var fromKind: FacilityKind?
    @Option(help: "Only facilities of this kind as destinations (with --to-layer facilities).") var toKind: FacilityKind?
    @Option(help: "Most origin-destination pairs per request (at least one origin per request).") var batchCells: Int = 50_000
    @OptionGroup var travel: TravelOptions
    @Option(help: "Output format: csv, json.") var format: OutputFormat = .csv

    func validate() throws {
        guard format == .csv || format == .json else { throw ValidationError("matrix prints csv or json (it streams rows)") }
        guard batchCells >= 1 else { throw ValidationError("--batch-cells must be at least 1") }
    }

    func run() throws {
        let source = try backend.makeBackend()
        var writer = RowWriter(format: format)
        var offset = 0, batch = 1, total = Int.max
        while offset < total {
            let params = RPC.Matrix.Params(fromLayer: fromLayer, toLayer: toLayer, fromKind: fromKind, toKind: toKind,
                                           fromOffset: offset, fromLimit: batch, travel: travel.travel)
            let page = try source.call(RPC.Matrix.self, params).result
            total = page.fromCount
            let destinations = max(1, page.toCount)
            try writer.write(page.rows)
            offset += batch
            batch = max(1, batchCells / destinations)
        }
        try writer.finish()
    }

    /// Writes rows as they come: CSV lines, or the items of one JSON array.
    struct RowWriter {
        let format: OutputFormat
        private var headerWritten = false
        private var rowsWritten = 0

        init(format: OutputFormat) { self.format = format }

        mutating func write(_ rows: [RPC.Matrix.Result.Row]) throws {
            var out = ""
            if !headerWritten { out += format == .csv ? "from,to,length_m,time_s\n" : "[" }
            headerWritten = true
            for row in rows {
                if format == .csv {
                    out += [CSVField.quoted(row.from), CSVField.quoted(row.to), row.lengthM.map(TabularValue.plain) ?? "",
                            row.timeS.map(TabularValue.plain) ?? ""].joined(separator: ",") + "\n"
                } else {
                    // Canonical (sorted-key) text, as the answer's own rows are written.
                    out += (rowsWritten > 0 ? ",\n" : "\n") + (try JSONText.serialize(JSONValue(encoding: row)))
                }
                rowsWritten += 1
            }
            emit(out)
        }

        mutating func finish() throws {
            if !headerWritten { try write([]) }
            if format == .json { emit("\n]\n") }
        }
    }
}
