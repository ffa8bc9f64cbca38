import ArgumentParser
import Foundation
import QadamData

/// `qadam validate FILE`: every problem of a source file, located, without writing anything.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check a GeoJSON or CSV file as a layer and list every problem with its location.",
        discussion: "Exit code 2 when there are errors; 0 when there are only warnings or repairs.")

    @Argument(help: "GeoJSON FeatureCollection or CSV file.")
    var file: String

    @OptionGroup var importOptions: ImportOptionGroup

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
        let url = URL(fileURLWithPath: file)
        let result: Result
        do {
            result = Result(try LayerImporter.validate(file: url, options: try importOptions.importOptions()))
        } catch ImportError.unreadable(_, let problems) {
            result = Result(unreadable: url.lastPathComponent, problems: problems)
        } catch let e as ImportError {
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
