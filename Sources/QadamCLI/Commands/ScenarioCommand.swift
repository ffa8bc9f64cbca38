import ArgumentParser
import Foundation
import QadamMeasures
import QadamData

/// `qadam scenario list|run`: the documented cases as runnable audits (docs/scenarios.md).
struct ScenarioCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scenario",
        abstract: "List or run the scenario files that reproduce the source documents' cases.",
        subcommands: [List.self, Run.self])

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the scenario files of a folder (default geodata/scenarios).")

        @Option(help: "Folder of scenario files (*.json).")
        var scenarios: String?

        func run() throws {
            let folder = try scenarios.map { URL(fileURLWithPath: $0) } ?? GeodataLocation.directory("scenarios")
            let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".json") }.sorted()
            var t = Tabular(columns: ["file", "id", "kind", "title"])
            for f in files {
                let s = try Self.load(folder.appendingPathComponent(f))
                t.append([.text(f), .text(s.id), .text(s.kind.rawValue), .text(s.title)])
            }
            emit(t.render(.table))
        }

        static func load(_ url: URL) throws -> Scenario {
            do { return try Scenario.load(url) } catch let e as ScenarioError { throw CLIError(e.description, exitCode: .dataError) }
        }
    }

    struct Run: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run one scenario on a dataset and compare with the documents' figures.",
            discussion: """
                Each figure is PASS (within the scenario's stated bounds of the documented value),
                DIFF (outside them) or INFO (no documented value). A missing input layer is
                reported as "needs ..." with exit code 0: it is not a failure of the scenario.
                """)

        @Argument(help: "Scenario file (JSON); - reads standard input.")
        var file: String

        @Option(help: "Dataset file (- reads standard input).")
        var dataset: String

        @Option(help: "Folder with the fact tables (default: geodata/facts).")
        var facts: String?

        @Option(help: "Output format: table or json.")
        var format: OutputFormat = .table

        func run() throws {
            let scenario = try List.load(URL(fileURLWithPath: InputFile(file, option: "FILE").readablePath()))
            let dataset = try InputFile(self.dataset, option: "--dataset").readablePath()
            let factsDirectory = try facts.map { URL(fileURLWithPath: $0) } ?? GeodataLocation.directory("facts")
            let report: ScenarioReport
            do {
                let store = try DatasetStore.open(URL(fileURLWithPath: dataset))
                // With a street network, scenarios that measure travel use it (same answers as `qadam nearest`).
                let hasNetwork = (try store.info().layer(.network)?.featureCount ?? 0) > 0
                let routing = try hasNetwork ? BackendScenarioRouting(backend: InProcessBackend(datasetPath: dataset, normsPath: nil)) : nil
                report = try ScenarioRunner(scenario: scenario, store: store, factsDirectory: factsDirectory, routing: routing).run()
            } catch let e as DatasetError {
                throw CLIError(e.message, exitCode: .dataError)
            } catch let e as ScenarioError {
                throw CLIError(e.description, exitCode: .dataError)
            } catch let e as FactTableError {
                throw CLIError(e.description, exitCode: .dataError)
            }
            if format == .json || format == .geojson { emit(try JSONOutput.string(report)); return }
            emit(Self.render(report, format: format))
        }

        static func render(_ r: ScenarioReport, format: OutputFormat) -> String {
            var out = format == .table ? "\(r.id): \(r.title)\n\n" : ""
            if r.status == .needsInput {
                return out + r.needs.map { "needs \($0)\n" }.joined()
            }
            var t = Tabular(columns: ["figure", "computed", "unit", "expected", "bounds", "verdict", "source"])
            for f in r.figures {
                t.append([.text(f.name), .double(f.computed, digits: 1), .text(f.unit), .double(f.expected, digits: 1),
                          .text(f.min.map { "\(TabularValue.plain($0))..\(TabularValue.plain(f.max!))" } ?? ""),
                          .text(f.verdict.rawValue), .text(f.source ?? "")])
            }
            out += t.render(format)
            guard format == .table else { return out }
            for table in r.tables {
                var d = Tabular(columns: table.columns)
                for row in table.rows { d.append(row.map { .text($0) }) }
                out += "\n\(table.title)\n" + d.render(.table)
            }
            out += "\nassumptions:\n" + r.assumptions.map { "- \($0)\n" }.joined()
            out += "sources:\n" + r.sources.map { "- \($0)\n" }.joined()
            return out
        }
    }
}
