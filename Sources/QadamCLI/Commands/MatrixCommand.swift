import ArgumentParser
import Foundation
import QadamProtocol

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
    @Option(help: "Origin layer: settlements, facilities, demand.") var fromLayer: String
    @Option(help: "Destination layer: settlements, facilities, demand.") var toLayer: String
    @Option(help: "Only facilities of this kind as origins (with --from-layer facilities).") var fromKind: String?
    @Option(help: "Only facilities of this kind as destinations (with --to-layer facilities).") var toKind: String?
    @Option(help: "Most origin-destination pairs per request (at least one origin per request).") var batchCells: Int = 50_000
    @OptionGroup var travel: TravelOptions
    @Option(help: "Output format: csv, json.") var format: OutputFormat = .csv

    func validate() throws {
        guard format == .csv || format == .json else { throw ValidationError("matrix prints csv or json (it streams rows)") }
        guard batchCells >= 1 else { throw ValidationError("--batch-cells must be at least 1") }
    }

    func run() throws {
        let source = try backend.makeBackend()
        var base = try travel.params
        base["from_layer"] = .string(fromLayer)
        base["to_layer"] = .string(toLayer)
        if let fromKind { base["from_kind"] = .string(fromKind) }
        if let toKind { base["to_kind"] = .string(toKind) }
        var writer = RowWriter(format: format)
        var offset = 0, batch = 1, total = Int.max
        while offset < total {
            var params = base
            params["from_offset"] = .int(Int64(offset))
            params["from_limit"] = .int(Int64(batch))
            let result = try source.call("matrix", params: .object(params))
            total = Int(result["from_count"]?.intValue ?? 0)
            let destinations = max(1, Int(result["to_count"]?.intValue ?? 1))
            writer.write(result["rows"]?.arrayValue ?? [])
            offset += batch
            batch = max(1, batchCells / destinations)
        }
        writer.finish()
    }

    /// Writes rows as they come: CSV lines, or the items of one JSON array.
    struct RowWriter {
        let format: OutputFormat
        private var headerWritten = false
        private var rowsWritten = 0

        init(format: OutputFormat) { self.format = format }

        mutating func write(_ rows: [JSONValue]) {
            var out = ""
            if !headerWritten { out += format == .csv ? "from,to,length_m,time_s\n" : "[" }
            headerWritten = true
            for row in rows {
                let from = row["from"]?.stringValue ?? "", to = row["to"]?.stringValue ?? ""
                let length = row["length_m"]?.doubleValue, time = row["time_s"]?.doubleValue
                if format == .csv {
                    out += [CSVField.quoted(from), CSVField.quoted(to), length.map(TabularValue.plain) ?? "",
                            time.map(TabularValue.plain) ?? ""].joined(separator: ",") + "\n"
                } else {
                    out += (rowsWritten > 0 ? ",\n" : "\n") + ((try? JSONText.serialize(row)) ?? "null")
                }
                rowsWritten += 1
            }
            emit(out)
        }

        mutating func finish() {
            if !headerWritten { write([]) }
            if format == .json { emit("\n]\n") }
        }
    }
}
