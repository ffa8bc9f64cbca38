import ArgumentParser
import Foundation
import QadamData
import QadamGeo
import QadamContract

/// `qadam demand estimate`: a demand layer from official population totals, spread over where
/// people live as the dataset's street network shows it (`DasymetricEstimate`).
struct DemandCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demand",
        abstract: "Build a demand layer (people inside cities) from population totals.",
        subcommands: [DemandEstimateCommand.self])
}

struct DemandEstimateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "estimate",
        abstract: "Spread official population totals of districts over their residential streets (dasymetric), as the demand layer.",
        discussion: """
            --totals is a CSV with columns area (a district id of the dataset), population, source,
            and optionally precision (exact, lower_bound, osm_tag), parent (the area of an
            enclosing total), reference_date and bbox (minLon,minLat,maxLon,maxLat: where in the
            area the people live, e.g. a town inside its administration's polygon). The dataset
            must have a street network and the districts named. The demand layer is replaced as
            a whole; every point says how it was estimated (demand_source). Settlements inside
            the estimated areas are then represented by these points in the measures.
            See docs/demand.md.
            """)

    @Option(help: "Dataset file (with a network and districts) to write the demand layer into (a path: it is changed in place).")
    var dataset: String

    @Option(help: "CSV of population totals (see above); - reads standard input.")
    var totals: String

    @Option(name: .customLong("cell-m"), help: "Grid cell size in metres (default 250).")
    var cellM: Double = 250

    @Option(help: "Output format: table, json, csv.")
    var format: OutputFormat = .table

    func run() throws {
        try InputFile.requirePath(dataset, option: "--dataset", because: "the dataset is changed in place")
        guard cellM.isFinite, cellM >= 25, cellM <= 5_000 else { throw ValidationError("--cell-m must be between 25 and 5000 metres") }
        let result: DasymetricEstimate.Result
        do {
            let totals = URL(fileURLWithPath: try InputFile(self.totals, option: "--totals").readablePath())
            let read = try PopulationTotalsReader.read(totals)
            let store = try DatasetStore.open(URL(fileURLWithPath: dataset))
            let streets = try store.features(layer: .network)
            guard !streets.isEmpty else {
                throw CLIError("\(dataset): no street network to spread people over; import one first (qadam import FILE.osm.pbf)", exitCode: .dataError)
            }
            let wanted = Set(read.map(\.area))
            var areas: [String: Geometry] = [:]
            for d in try store.districts() where wanted.contains(d.id) { areas[d.id] = d.polygon }
            result = try DasymetricEstimate.estimate(totals: read, areas: areas, streets: streets,
                                                     options: .init(cellMetres: cellM))
            try store.replaceLayer(.demand(result.points), source: LayerSource(
                file: totals.lastPathComponent,
                name: "Dasymetric estimate from \(totals.lastPathComponent) over the street network",
                licence: "derived; see the totals' sources and the network's licence"))
        } catch let e as PopulationTotalsReader.Failure {
            throw CLIError("\(e.description)\n\(dataset) was not changed", exitCode: .dataError)
        } catch let e as DasymetricEstimate.EstimateError {
            throw CLIError("\(e.description); \(dataset) was not changed", exitCode: .dataError)
        } catch let e as DatasetError {
            throw CLIError(e.message, exitCode: .dataError)
        }
        for w in result.warnings { FileHandle.standardError.write(Data("warning: \(w)\n".utf8)) }
        if format == .json { return emit(try JSONOutput.string(result.areas)) }
        var t = Tabular(columns: ["area", "role", "total", "placed", "from_parent", "points", "weighted_km", "basis"])
        for a in result.areas {
            t.append([.text(a.area), .text(a.role), .integer(Int(a.total.rounded())), .integer(Int(a.placed.rounded())),
                      .integer(Int(a.fromParent.rounded())), .integer(a.points), .double(a.weightedKm, digits: 1), .text(a.basis)])
        }
        emit(t.render(format))
    }
}
