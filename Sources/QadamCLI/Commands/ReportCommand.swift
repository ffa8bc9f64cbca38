import ArgumentParser
import Foundation
import QadamContract

/// `qadam report`: one self-contained HTML file for an area — districts shaded by a measure,
/// facilities, the worst gaps, tables with their norm ids and sources, bar charts, and the
/// parameters and dataset hash (docs/report.md).
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "report",
        abstract: "Write an HTML report of an area: district map shaded by provision, coverage or deficit; gaps; tables; charts.")
    @OptionGroup var backend: BackendOptions
    @Option(help: "The area: a district id or name (an oblast shows its rayons, a city its districts); default the whole country.")
    var area: String?
    @Option(help: "Language of the report's labels: ru, en, kk.") var lang: ReportLanguage = .ru
    @Option(help: "Shade districts by provision, coverage or deficit.") var shade: ReportShade = .provision
    @Option(help: "Facility kind for --shade coverage or deficit.") var kind: FacilityKind = .school
    @Option(help: "How many worst gaps to label.") var gaps: Int = 10
    @Option(help: "The HTML file to write (- writes it to standard output).") var output: String

    func run() throws {
        let model = try ReportBuilder(backend: try backend.makeBackend(), area: area, language: lang, shade: shade,
                                      kind: kind, gapCount: gaps).build()
        let html = HTMLReport.render(model)
        if let output = OutputPath.file(output) {
            do { try Data(html.utf8).write(to: URL(fileURLWithPath: output), options: .atomic) } catch {
                throw CLIError("cannot write \(output): \(error.localizedDescription)", exitCode: .dataError)
            }
        } else {
            emit(html)
        }
        FileHandle.standardError.write(Data("qadam report: wrote \(OutputPath.name(output)) (\(model.districts.count) district shape(s), \(html.utf8.count) bytes)\n".utf8))
    }
}
