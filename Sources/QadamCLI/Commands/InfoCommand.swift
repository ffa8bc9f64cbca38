import ArgumentParser
import Foundation
import QadamContract

/// `qadam info`: the snapshot being served and its layers (counts, extents, sources,
/// licences, content hash). Both backends answer with the `info` method, so the table is the
/// same in-process and over the socket; a daemon adds its runtime state on top.
struct InfoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "info",
        abstract: "Describe a dataset or a daemon's snapshot: layers, feature counts, extents, sources, licences, content hash.",
        discussion: "--format geojson gives each layer's extent as a polygon.")

    @OptionGroup var backend: BackendOptions

    @OptionGroup var output: OutputOptions

    func run() throws {
        let answer = try backend.makeBackend().call(RPC.Info.self, NoParams())
        let layers = answer.result.dataset.layerDetails
        try ResultOutput.write(answer.json, to: output, layer: "layers", preamble: Self.heading(answer)) {
            var t = Tabular(columns: ["layer", "features", "no_geometry", "min_lon", "min_lat", "max_lon", "max_lat",
                                      "source", "licence", "imported_at"])
            for l in layers {
                t.append([.text(l.layer.rawValue), .integer(l.featureCount), .integer(l.missingGeometryCount),
                          .double(l.extent?.minX, digits: 4), .double(l.extent?.minY, digits: 4),
                          .double(l.extent?.maxX, digits: 4), .double(l.extent?.maxY, digits: 4),
                          .text(l.sources.map(Self.describe).joined(separator: "; ")),
                          .text(l.sources.compactMap(\.licence).filter { !$0.isEmpty }.joined(separator: "; ")),
                          .text(l.importedAt)],
                         geometry: l.extent.map(Self.polygon))
            }
            return t
        }
        if output.format == .text(.table) { emit(Self.missingGeometryNotes(layers)) }
    }

    /// Says in words which layers hold features without geometry (Almaty's polycentres: the
    /// General Plan names them but publishes no boundaries), so a reader of the table does not
    /// take the extent for coverage.
    static func missingGeometryNotes(_ layers: [LayerInfo]) -> String {
        layers.filter { $0.missingGeometryCount > 0 }.map { l in
            let all = l.missingGeometryCount == l.featureCount
            return "\nnote: \(l.layer.rawValue): \(all ? "none" : "\(l.missingGeometryCount)") of \(l.featureCount) feature(s) "
                + (all ? "have" : "lack") + " a geometry; "
                + (l.layer == .polycentres
                   ? "polycentre boundaries are not published, so results by polycentre are unavailable until polygons are imported (qadam import FILE --layer polycentres)"
                   : "they are kept but take no part in spatial queries")
        }.joined() + (layers.contains { $0.missingGeometryCount > 0 } ? "\n" : "")
    }

    /// The lines above the table: the dataset, and the daemon's state when a daemon answered.
    private static func heading(_ answer: Answer<RPC.Info.Result>) -> String {
        let dataset = answer.result.dataset
        var lines = ["dataset \(dataset.path)",
                     "snapshot \(answer.snapshot ?? "?"), schema \(dataset.schemaVersion), built \(dataset.buildTime)",
                     "norms \(dataset.norms)"]
        if let daemon = answer.result.daemon {
            lines.append("qadamd \(daemon.version), up \(String(format: "%.1f", daemon.uptimeSeconds)) s, "
                         + "\(daemon.connections) connection(s), \(daemon.inFlight) other request(s) in flight")
            if let failure = daemon.lastReloadError {
                lines.append("last reload failed at \(failure.at): \(failure.message)")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func describe(_ s: LayerSource) -> String {
        (s.name ?? s.file ?? "") + (s.part.map { " (\($0))" } ?? "")
    }

    /// A layer's extent as a GeoJSON polygon.
    private static func polygon(_ box: BoundingBox) -> String {
        let ring = [[box.minX, box.minY], [box.maxX, box.minY], [box.maxX, box.maxY], [box.minX, box.maxY], [box.minX, box.minY]]
        let coordinates = ring.map { "[\(TabularValue.plain($0[0])),\(TabularValue.plain($0[1]))]" }.joined(separator: ",")
        return #"{"type":"Polygon","coordinates":[[\#(coordinates)]]}"#
    }
}
