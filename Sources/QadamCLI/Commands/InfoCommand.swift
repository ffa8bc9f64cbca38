import ArgumentParser
import Foundation
import QadamData
import QadamGeo
import QadamProtocol

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
        let result = try backend.makeBackend().call("info")
        let layers = try ResultOutput.decode([LayerInfo].self, from: result["layer_details"], what: "layer_details")
        try ResultOutput.write(result, to: output, layer: "layers", preamble: Self.heading(result)) {
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
    private static func heading(_ info: QadamProtocol.JSONValue) -> String {
        func text(_ key: String) -> String { info[key]?.stringValue ?? "?" }
        var lines = ["dataset \(text("dataset"))",
                     "snapshot \(text("snapshot")), schema \(text("schema_version")), built \(text("build_time"))",
                     "norms \(text("norms"))"]
        if let version = info["version"]?.stringValue {
            lines.append("qadamd \(version), up \(String(format: "%.1f", info["uptime_seconds"]?.doubleValue ?? 0)) s, "
                         + "\(info["connections"]?.intValue ?? 0) connection(s), \(info["in_flight"]?.intValue ?? 0) other request(s) in flight")
        }
        if let failure = info["last_reload_error"], !failure.isNull {
            lines.append("last reload failed at \(failure["at"]?.stringValue ?? "?"): \(failure["message"]?.stringValue ?? "?")")
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
