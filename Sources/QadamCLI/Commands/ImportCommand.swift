import ArgumentParser
import Foundation
import QadamData
import QadamPostGIS

/// `qadam import FILE --dataset OUT`: replaces one layer of a dataset, atomically; or
/// `qadam import postgresql://... --table T --dataset OUT`: the same from a PostGIS table or query; or
/// `qadam import OSM_FILE... --dataset OUT`: one street network from one or more OSM files.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import a GeoJSON or CSV file or a PostGIS table or query as one layer, or OSM extracts as the street network, into a dataset (created if missing).",
        discussion: """
            The layer is replaced as a whole. Nothing is written if a source has any error; the \
            dataset stays byte-for-byte as it was. Invalid polygons are repaired and reported. \
            Several OSM files (.osm.pbf, .osm, Overpass JSON) are combined into one network. \
            A PostGIS source is a connection URI, e.g. postgresql://planner@/city?host=/var/run/postgresql, \
            with --table or --query; its geometry column may be in any SRID (transformed to WGS 84).
            """)

    @Argument(help: "GeoJSON FeatureCollection, CSV or GeoPackage file, or a postgresql:// URI; or one or more OSM files (.osm.pbf, .osm, Overpass JSON) for one street network. - reads standard input (its format told by content).")
    var files: [String]

    @Option(help: "Dataset file (SpatiaLite) to write (a path: it is changed in place).")
    var dataset: String

    @Option(help: "Human name of the source, stored in the dataset (default: the file name).")
    var sourceName: String?

    @Option(help: "Licence of the source, stored in the dataset (e.g. \"ODbL 1.0\").")
    var licence: String?

    @OptionGroup var importOptions: ImportOptionGroup

    @OptionGroup(title: "PostGIS (a postgresql:// URI in place of the file)")
    var postgisOptions: PostGISImportOptionGroup

    @OptionGroup(title: "Street networks (.osm.pbf, .osm, Overpass JSON, or GeoJSON lines with --layer network)")
    var networkOptions: NetworkImportOptionGroup

    @Option(help: "Output format: table, json, csv.")
    var format: OutputFormat = .table

    func validate() throws {
        try InputFile.requirePath(dataset, option: "--dataset", because: "the dataset is written in place")
    }

    func run() throws {
        // `-` becomes a temporary copy of standard input, named after its content's format.
        let files = try self.files.map { file in
            try InputFile(file, option: "FILE").readablePath { try ImportSourceContent.fileExtension(of: $0, layer: importOptions.layer) }
        }
        let networkFiles = files.filter { NetworkImportOptionGroup.isNetworkImport(file: $0, layer: importOptions.layer) }
        if !networkFiles.isEmpty {
            if let other = files.first(where: { !networkFiles.contains($0) }) {
                throw ValidationError("\(other) is not a street network file: only OSM files (.osm.pbf, .osm, Overpass JSON) are imported together")
            }
            try networkOptions.run(files: files, dataset: dataset, sourceName: sourceName, licence: licence, format: format)
            return
        }
        guard files.count == 1, let file = files.first else {
            throw ValidationError("import one GeoJSON or CSV file per layer (got \(files.count)); several files are combined only for a street network")
        }
        let postgis = try postgisOptions.selection(for: file)
        let options = try importOptions.importOptions(sourceName: sourceName, licence: licence)
        let report: ImportReport
        // A failed first import must not leave an empty dataset behind: "not changed" includes
        // "not created".
        let existed = FileManager.default.fileExists(atPath: dataset)
        do {
            do {
                // The server is read before the dataset is opened, so a failed read creates no file.
                let query = try postgis.map { try PostGISSource.read($0.selection, from: $0.url) }
                let store = try DatasetStore.openOrCreate(URL(fileURLWithPath: dataset))
                report = try query.map { try store.importLayer(query: $0, options: options) }
                    ?? store.importLayer(file: URL(fileURLWithPath: file), options: options)
            } catch {
                if !existed { try? FileManager.default.removeItem(atPath: dataset) }
                throw error
            }
        } catch let e as PostGISError {
            throw CLIError("\(e); \(dataset) was not changed", exitCode: .dataError)
        } catch ImportError.invalidData(let failed) {
            if format == .json { emit(try JSONOutput.string(failed)) } else { emit(ProblemTable.make(failed.problems).render(format)) }
            throw CLIError("\(failed.file): \(failed.errors.count) error(s); \(dataset) was not changed", exitCode: .dataError)
        } catch let e as ImportError {
            throw CLIError("\(e); \(dataset) was not changed", exitCode: .dataError)
        } catch let e as DatasetError {
            throw CLIError(e.message, exitCode: .dataError)
        }
        switch format {
        case .json, .geojson:
            emit(try JSONOutput.string(report))
        case .table, .csv:
            var t = Tabular(columns: ["file", "layer", "features", "imported", "repairs", "warnings", "content_hash"])
            t.append([.text(report.file), .text(report.layer.rawValue), .integer(report.featureCount),
                      .integer(report.recordCount), .integer(report.repairs.count), .integer(report.warnings.count),
                      .text(report.contentHash ?? "")])
            emit(t.render(format))
            if format == .table, !report.problems.isEmpty { emit("\n" + ProblemTable.make(report.problems).render(.table)) }
        }
    }
}
