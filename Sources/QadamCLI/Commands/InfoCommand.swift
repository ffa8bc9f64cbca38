import ArgumentParser
import Foundation
import QadamData

/// `qadam info --dataset FILE`: layers, counts, extents, sources and the content hash.
struct InfoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "info",
        abstract: "Describe a dataset: layers, feature counts, extents, sources, licences, content hash.")

    @Option(help: "Dataset file.")
    var dataset: String

    @Option(help: "Output format: table, json, csv.")
    var format: OutputFormat = .table

    func run() throws {
        let info: DatasetInfo
        do {
            info = try DatasetStore.open(URL(fileURLWithPath: dataset)).info()
        } catch let e as DatasetError {
            throw CLIError(e.message, exitCode: .dataError)
        }
        if format == .json || format == .geojson {
            emit(try JSONOutput.string(info))
            return
        }
        var t = Tabular(columns: ["layer", "features", "no_geometry", "min_lon", "min_lat", "max_lon", "max_lat",
                                  "source", "licence", "imported_at"])
        for l in info.layers {
            t.append([.text(l.layer.rawValue), .integer(l.featureCount), .integer(l.missingGeometryCount),
                      .double(l.extent?.minX, digits: 4), .double(l.extent?.minY, digits: 4),
                      .double(l.extent?.maxX, digits: 4), .double(l.extent?.maxY, digits: 4),
                      .text(l.sources.map(Self.describe).joined(separator: "; ")),
                      .text(l.sources.compactMap(\.licence).filter { !$0.isEmpty }.joined(separator: "; ")), .text(l.importedAt)])
        }
        if format == .table {
            emit("dataset \(info.path)\nschema \(info.schemaVersion), built \(info.buildTime)\ncontent hash \(info.contentHash)\n\n")
        }
        emit(t.render(format))
    }

    private static func describe(_ s: LayerSource) -> String {
        (s.name ?? s.file ?? "") + (s.part.map { " (\($0))" } ?? "")
    }
}
