import ArgumentParser
import Foundation
import QadamData
import QadamContract

/// `qadam classify --dataset D`: gives every settlement its СРС class, flags, oblast and rayon
/// (docs/classification.md) and rewrites the settlements layer, atomically, through
/// `DatasetStore`. Prints the count per class and basis, then what needs review.
struct ClassifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "classify",
        abstract: "Classify the settlements of a dataset (СРС class, monotown/small-town/border flags, oblast and rayon).",
        discussion: """
            Reads the settlements and districts layers and the fact tables (cities_status.csv,
            monotowns.csv), and replaces the settlements layer with the classified records.
            The review list (settlements whose class could not be decided or may be wrong, and
            fact rows that matched nothing) goes to --report FILE as CSV, or to the output.
            """)

    @Option(help: "Dataset file to classify in place (a path).")
    var dataset: String

    @Option(help: "Folder with cities_status.csv and monotowns.csv (default: geodata/facts).")
    var facts: String?

    @Option(help: "Apply only statuses in force in this year (e.g. 2020 leaves out Косшы and Алатау).")
    var asOf: Int?

    @Option(help: "Write the review list to this CSV file instead of printing it (a path; without --report it goes to standard output).")
    var report: String?

    @Option(help: "Output format: table, json, csv.")
    var format: OutputFormat = .table

    func validate() throws {
        try InputFile.requirePath(dataset, option: "--dataset", because: "the dataset is changed in place")
        try InputFile.requirePath(report, option: "--report", because: "without --report the review list is printed to standard output")
    }

    func run() throws {
        let factsDirectory = try facts.map { URL(fileURLWithPath: $0) } ?? GeodataLocation.directory("facts")
        let classification: SettlementClassification
        do {
            let store = try DatasetStore.open(URL(fileURLWithPath: dataset))
            let settlements = try store.settlements()
            guard !settlements.isEmpty else { throw CLIError("\(dataset): no settlements layer to classify", exitCode: .dataError) }
            let classifier = SettlementClassifier(facts: try SettlementFacts.load(directory: factsDirectory),
                                                  options: SettlementClassifier.Options(asOfYear: asOf))
            classification = classifier.classify(settlements: settlements, districts: try store.districts())
            let previous = try store.info().layer(.settlements)?.sources.first
            let source = LayerSource(file: previous?.file, name: previous?.name, licence: previous?.licence)
            try store.replaceLayer(.settlements(classification.settlements), source: source)
        } catch let e as DatasetError {
            throw CLIError(e.message, exitCode: .dataError)
        } catch let e as FactTableError {
            throw CLIError(e.description, exitCode: .dataError)
        }
        let notes = Self.notesTable(classification.notes)
        if let report {
            try notes.render(.csv).write(toFile: report, atomically: true, encoding: .utf8)
        }
        var counts = Tabular(columns: ["class", "basis", "settlements"])
        for c in classification.counts {
            counts.append([.text(c.settlementClass?.rawValue ?? "undecided"), .text(c.basis ?? ""), .integer(c.count)])
        }
        let flags = classification.settlements.map(\.flags)
        switch format {
        case .json, .geojson:
            struct Count: Encodable {
                var `class`: String
                var basis: String?
                var settlements: Int
            }
            struct Answer: Encodable {
                var counts: [Count]
                var flags: [String: Int]
                var notes: [ClassificationNote]
            }
            emit(try JSONOutput.string(Answer(
                counts: classification.counts.map { Count(class: $0.settlementClass?.rawValue ?? "undecided", basis: $0.basis, settlements: $0.count) },
                flags: ["monotown": flags.filter(\.monotown).count, "small_town": flags.filter(\.smallTown).count, "border": flags.filter(\.border).count],
                notes: classification.notes)))
        case .table, .csv:
            emit(counts.render(format))
            if format == .table {
                emit("\nflags: \(flags.filter(\.monotown).count) monotown, \(flags.filter(\.smallTown).count) small_town, \(flags.filter(\.border).count) border\n")
                emit(report != nil ? "\(classification.notes.count) note(s) to review written to \(report!)\n"
                                   : "\n" + notes.render(.table))
            }
        }
    }

    private static func notesTable(_ notes: [ClassificationNote]) -> Tabular {
        var t = Tabular(columns: ["reason", "settlement_id", "name", "population", "detail"])
        for n in notes {
            t.append([.text(n.reason.rawValue), .text(n.settlementID ?? ""), .text(n.name ?? ""),
                      n.population.map { .integer($0) } ?? .missing, .text(n.detail)])
        }
        return t
    }
}
