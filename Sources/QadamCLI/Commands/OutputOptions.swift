import ArgumentParser
import Foundation

/// `--format` and `--output` of the commands that answer with a result table: text to
/// standard output (or a file), or a GeoPackage file for QGIS with the table as one layer.
struct OutputOptions: ParsableArguments {
    @Option(help: "Output format: table, json, csv, geojson, or gpkg (a GeoPackage file for QGIS; needs --output).")
    var format: ResultFormat = .text(.table)

    @Option(help: "Write to this file instead of standard output (- is standard output; FILE.gpkg for --format gpkg).")
    var output: String?

    init() {}

    func validate() throws {
        if format == .gpkg, OutputPath.file(output) == nil {
            throw ValidationError("--format gpkg writes a file: add --output FILE.gpkg")
        }
    }

    /// Text goes to `--output` when given (replacing the file), else (or for `-`) to standard output.
    func write(text: String) throws {
        guard let output = OutputPath.file(output) else { return emit(text) }
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
        } catch {
            throw CLIError("cannot write \(output): \(error.localizedDescription)", exitCode: .dataError)
        }
    }

    /// `table` in the chosen format; for gpkg, the file holds it as the layer `layer`.
    func write(_ table: Tabular, layer: String, preamble: String? = nil) throws {
        switch format {
        case .gpkg:
            try TabularGeoPackage.write([table.geoPackageLayer(named: layer)], to: OutputPath.file(output)!)
        case .text(let text):
            try write(text: (text == .table ? preamble.map { $0 + "\n" } ?? "" : "") + table.render(text))
        }
    }
}
