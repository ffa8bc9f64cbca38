import Foundation
import QadamGeo
import QadamContract

/// Reads a GeoJSON or CSV file, or a query's result, as one layer: format detection, layer
/// inference, field resolution and mapping. Writes nothing; `DatasetStore.importLayer` writes
/// what this returns, and `qadam validate` prints its report.
public enum LayerImporter {
    /// The records and the report for a file. Throws `ImportError` when the file cannot be read
    /// or its layer cannot be told; data problems are in the report, not thrown.
    public static func read(file: URL, options: ImportOptions) throws -> (records: LayerRecords, report: ImportReport) {
        let document = file.pathExtension.lowercased() == "gpkg"
            ? try GeoPackageReader.read(file, table: options.sourceLayer) : try readText(file)
        return try map(document, path: file.path, options: options)
    }

    /// A GeoJSON or CSV file read into features.
    private static func readText(_ file: URL) throws -> SourceDocument {
        let name = file.lastPathComponent
        let data: Data
        do {
            data = try Data(contentsOf: file)
        } catch {
            throw ImportError.unreadable(file: file.path, problems: [
                DataProblem(.error, ProblemLocation(file: name), "cannot read file: \(error.localizedDescription)"),
            ])
        }
        return try format(of: file, data) == .csv ? CSVReader.read(data, file: name) : GeoJSONReader.read(data, file: name)
    }

    /// The records and the report for a query's rows, mapped exactly as a file's would be.
    public static func read(query: QueryResult, options: ImportOptions) throws -> (records: LayerRecords, report: ImportReport) {
        try map(QueryResultReader.read(query), path: query.source, options: options)
    }

    /// Features mapped to the layer the options name (or the file suggests), with the problems;
    /// `path` names the source in the errors thrown before any row is mapped.
    private static func map(_ document: SourceDocument, path: String,
                            options: ImportOptions) throws -> (records: LayerRecords, report: ImportReport) {
        let name = document.file
        let layer = try options.layer ?? options.mapping.layer ?? inferLayer(document)
        if let problem = document.missingGeometryColumns, !layer.geometryShape.allowsMissingGeometry {
            throw ImportError.unreadable(file: path, problems: [
                // A CSV's header is its row 1; other sources have no row to point at.
                DataProblem(.error, ProblemLocation(file: name, row: document.format == .csv ? 1 : nil), problem),
            ])
        }
        if let columns = document.columns {
            for (target, source) in options.mapping.fields.sorted(by: { $0.key < $1.key }) where !columns.contains(source) {
                throw ImportError.unreadable(file: path, problems: [
                    DataProblem(.error, ProblemLocation(file: name, field: source),
                                "no column '\(source)' (mapped to \(target)); the columns are \(columns.joined(separator: ", "))"),
                ])
            }
        }
        let fields = try LayerSchema.resolve(layer, mapping: options.mapping, fieldNames: document.fieldNames)
        var mapper = LayerMapper(document: document, layer: layer, fields: fields, options: options)
        let records = mapper.map()
        let report = ImportReport(file: name, layer: layer, format: document.format,
                                  featureCount: document.features.count, recordCount: records.count,
                                  fields: fields, problems: mapper.problems, contentHash: nil)
        return (records, report)
    }

    /// Reads and checks a file without writing anything.
    public static func validate(file: URL, options: ImportOptions) throws -> ImportReport {
        try read(file: file, options: options).report
    }

    /// `.csv` files are CSV, `.geojson`/`.json` GeoJSON; otherwise a leading `{` means GeoJSON.
    static func format(of url: URL, _ data: Data) throws -> SourceFormat {
        switch url.pathExtension.lowercased() {
        case "csv": return .csv
        case "geojson", "json": return .geojson
        case "tsv", "tab":
            // The CSV reader splits on commas only; reading tabs as one column would go wrong
            // quietly, so say so instead.
            throw ImportError.unreadable(file: url.path, problems: [
                DataProblem(.error, ProblemLocation(file: url.lastPathComponent), "tab-separated files are not read; save it as CSV (comma-separated) or GeoJSON"),
            ])
        default:
            let first = data.first { !($0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 || $0 == 0xEF || $0 == 0xBB || $0 == 0xBF) }
            return first == UInt8(ascii: "{") ? .geojson : .csv
        }
    }

    private static func inferLayer(_ document: SourceDocument) throws -> LayerKind {
        var shapes = Set<GeometryShape>()
        for f in document.features {
            guard let type = f.geometry?.kind.description ?? f.declaredType else { continue }
            switch type {
            case "Point": shapes.insert(.point)
            case "Polygon", "MultiPolygon": shapes.insert(.polygonal)
            case "LineString", "MultiLineString": shapes.insert(.linear)
            default: shapes.insert(.optionalPolygonal) // anything else: mixed, cannot infer
            }
        }
        if document.format == .csv, shapes.isEmpty { shapes = [.point] }
        guard let layer = LayerSchema.inferLayer(shapes: shapes, fieldNames: document.fieldNames) else {
            let kinds = shapes.isEmpty ? "no geometries" : shapes.map(\.rawValue).sorted().joined(separator: "+") + " geometries"
            throw ImportError.cannotInferLayer(file: document.file,
                reason: "\(kinds), fields \(document.fieldNames.sorted().prefix(12).joined(separator: ", "))")
        }
        return layer
    }
}
