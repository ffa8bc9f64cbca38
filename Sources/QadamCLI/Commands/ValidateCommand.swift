import ArgumentParser
import Foundation
import QadamData
import QadamPostGIS
import QadamContract

/// `qadam validate FILE` (or a `postgresql://` URI with `--table`/`--query`): every problem of a
/// source, located, without writing anything.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check a GeoJSON or CSV file or a PostGIS table or query as a layer and list every problem with its location.",
        discussion: "Exit code 2 when there are errors; 0 when there are only warnings or repairs.")

    @Argument(help: "GeoJSON FeatureCollection, CSV or GeoPackage file, or a postgresql:// URI; - reads standard input (its format told by content).")
    var file: String

    @OptionGroup var importOptions: ImportOptionGroup

    @OptionGroup(title: "PostGIS (a postgresql:// URI in place of the file)")
    var postgisOptions: PostGISImportOptionGroup

    @Option(help: "Output format: table, json, csv.")
    var format: OutputFormat = .table

    /// The JSON answer; layer, counts and fields are absent when the file could not be read at all.
    struct Result: Encodable {
        var file: String
        var ok: Bool
        var layer: LayerKind?
        var featureCount: Int?
        var recordCount: Int?
        var fields: [String: String]?
        var problems: [DataProblem]

        init(_ report: ImportReport) {
            file = report.file; ok = !report.hasErrors; layer = report.layer; featureCount = report.featureCount
            recordCount = report.recordCount; fields = report.fields; problems = report.problems
        }

        init(unreadable file: String, problems: [DataProblem]) {
            self.file = file; ok = false; self.problems = problems
        }

        enum CodingKeys: String, CodingKey {
            case file, ok, layer, featureCount = "feature_count", recordCount = "record_count", fields, problems
        }
    }

    func run() throws {
        let postgis = try postgisOptions.selection(for: file)
        let url = URL(fileURLWithPath: postgis == nil ? try InputFile(file, option: "FILE").readablePath {
            try ImportSourceContent.fileExtension(of: $0, layer: importOptions.layer)
        } : file)
        let result: Result
        do {
            let options = try importOptions.importOptions()
            if let postgis {
                result = Result(try LayerImporter.read(query: PostGISSource.read(postgis.selection, from: postgis.url), options: options).report)
            } else {
                result = Result(try LayerImporter.validate(file: url, options: options))
            }
        } catch ImportError.unreadable(let source, let problems) {
            result = Result(unreadable: postgis == nil ? url.lastPathComponent : source, problems: problems)
        } catch let e as ImportError {
            throw CLIError(e.description, exitCode: .dataError)
        } catch let e as PostGISError {
            throw CLIError(e.description, exitCode: .dataError)
        }
        switch format {
        case .json, .geojson:
            emit(try JSONOutput.string(result))
        case .table, .csv:
            if let layer = result.layer, let features = result.featureCount, let records = result.recordCount, format == .table {
                func count(_ s: DataProblem.Severity) -> Int { result.problems.filter { $0.severity == s }.count }
                emit("\(result.file): layer \(layer), \(features) features, \(records) usable; "
                     + "\(count(.error)) errors, \(count(.warning)) warnings, \(count(.repair)) repairs\n")
            }
            if !result.problems.isEmpty || format == .csv { emit(ProblemTable.make(result.problems).render(format)) }
        }
        if !result.ok {
            throw CLIError("\(result.file): \(result.problems.filter { $0.severity == .error }.count) error(s)", exitCode: .dataError)
        }
    }
}
