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

    /// The JSON answer: the report, or for an unreadable file just its problems.
    struct Result: Encodable {
        var file: String
        var ok: Bool
        var report: ImportReport?
        var problems: [DataProblem]
    }

    func run() throws {
        let url = URL(fileURLWithPath: file)
        let result: Result
        do {
            let report = try LayerImporter.validate(file: url, options: try importOptions.importOptions())
            result = Result(file: report.file, ok: !report.hasErrors, report: report, problems: report.problems)
        } catch ImportError.unreadable(_, let problems) {
            result = Result(file: url.lastPathComponent, ok: false, report: nil, problems: problems)
        } catch let e as ImportError {
            throw CLIError(e.description, exitCode: .dataError)
        }
        switch format {
        case .json, .geojson:
            emit(try JSONOutput.string(result))
        case .table, .csv:
            if let r = result.report, format == .table {
                emit("\(r.file): layer \(r.layer), \(r.featureCount) features, \(r.recordCount) usable; "
                     + "\(r.errors.count) errors, \(r.warnings.count) warnings, \(r.repairs.count) repairs\n")
            }
            if !result.problems.isEmpty || format == .csv { emit(ProblemTable.make(result.problems).render(format)) }
        }
        if !result.ok {
            throw CLIError("\(result.file): \(result.problems.filter { $0.severity == .error }.count) error(s)", exitCode: .dataError)
        }
    }
}
