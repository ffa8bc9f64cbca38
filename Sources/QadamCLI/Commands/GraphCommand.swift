import ArgumentParser
import Foundation
import QadamNetwork
import QadamEngine
import QadamContract

/// `qadam graph export`: the dataset's compiled street graph as CSV files, for a GIS, a
/// spreadsheet or another router. In-process only: the files are written where the command
/// runs, which a daemon (possibly on another machine's socket) cannot do.
struct GraphCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "graph",
        abstract: "Work with a dataset's street graph.",
        subcommands: [GraphExportCommand.self])
}

struct GraphExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the street graph for one profile as nodes.csv (id,lon,lat) and edges.csv (from,to,length_m,cost_s).",
        discussion: "One edges.csv row per direction the profile may travel; cost_s at --speed-kmh (default the profile's).")

    @Option(help: "Dataset file with a network layer (- reads standard input).") var dataset: String
    @Option(help: "Norms catalogue (needed to load the dataset; default as for other commands; - reads standard input).") var norms: String?
    @Option(help: "Travel profile.") var profile: TravelProfile = .walk
    @Option(name: .customLong("speed-kmh"), help: "Speed in km/h for cost_s (default: the profile's).") var speedKmh: Double?
    @Option(name: .customLong("speed"), help: .hidden) var deprecatedSpeed: Double?
    @Option(help: "Output format: csv.") var format: OutputFormat = .csv
    @Option(help: "Directory to write nodes.csv and edges.csv into (created if missing; a path).") var output: String

    /// `--speed-kmh`, or the old `--speed`.
    var speed: Double? { speedKmh ?? deprecatedSpeed }

    func validate() throws {
        guard format == .csv else { throw ValidationError("graph export writes csv only") }
        try DeprecatedSpelling.check(old: "--speed", given: deprecatedSpeed != nil, current: "--speed-kmh", alsoGiven: speedKmh != nil)
        if let speed, !(speed > 0 && speed <= 300) { throw ValidationError("--speed-kmh must be above 0 and at most 300 km/h") }
        try InputFile.requirePath(output, option: "--output", because: "it is a directory for nodes.csv and edges.csv")
    }

    func run() throws {
        let backend = try BackendOptions.inProcessBackend(dataset: dataset, norms: norms)
        guard let network = (backend.service.store.current.content as? DatasetContent)?.network else {
            throw CLIError("\(InputFile(dataset, option: "--dataset")): dataset has no network layer; import an OSM extract with qadam import", exitCode: .dataError)
        }
        let mode = TravelMode(profile: profile, speedKmh: speed)
        do {
            try GraphCSVExport.write(network.graph, mode: mode, toDirectory: URL(fileURLWithPath: output))
        } catch {
            throw CLIError("cannot write \(output): \(error)", exitCode: .dataError)
        }
        let g = network.graph
        emit("wrote \(output)/nodes.csv (\(g.vertexCount) nodes) and \(output)/edges.csv (\(profile))\n")
    }
}
