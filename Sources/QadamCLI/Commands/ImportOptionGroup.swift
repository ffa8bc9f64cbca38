import ArgumentParser
import Foundation
import QadamContract
import QadamData

/// The options `import` and `validate` share: which layer, and how source fields map to it.
struct ImportOptionGroup: ParsableArguments {
    @Option(help: "Layer to import into: \(LayerKind.allCases.map(\.rawValue).joined(separator: ", ")). Inferred from the file when omitted.")
    var layer: LayerKind?

    @Option(help: "JSON field-mapping file: {\"layer\": ..., \"fields\": {\"target\": \"source\"}} (- reads standard input).")
    var mapping: String?

    @Option(help: "Source field holding the feature id.")
    var idField: String?
    @Option(help: "Source field holding the (local) name.")
    var nameField: String?
    @Option(help: "Source field holding the population.")
    var populationField: String?
    @Option(help: "Source field holding the facility kind.")
    var kindField: String?
    @Option(help: "Source field holding the capacity.")
    var capacityField: String?
    @Option(name: .customLong("field"), help: "Map a target field to a source field: target=source (repeatable).")
    var fields: [String] = []

    @Option(help: "District level when the file does not say: oblast, rayon, city_district.")
    var districtLevel: DistrictLevel?
    @Option(help: "Facility kind for files without a kind field (e.g. hospital).")
    var defaultKind: FacilityKind?
    @Option(help: "Feature table of a GeoPackage that holds several.")
    var sourceLayer: String?

    /// Mapping file first, then the named flags, then `--field` pairs: later wins.
    func importOptions(sourceName: String? = nil, licence: String? = nil) throws -> ImportOptions {
        var mapping = try self.mapping.map {
            try FieldMapping.load(URL(fileURLWithPath: InputFile($0, option: "--mapping").readablePath()))
        } ?? FieldMapping()
        let named: [(String, String?)] = [("id", idField), ("name", nameField), ("population", populationField),
                                          ("kind", kindField), ("capacity", capacityField)]
        for case let (target, source?) in named { mapping.fields[target] = source }
        mapping = try mapping.merging(pairs: fields)
        return ImportOptions(layer: layer, mapping: mapping, sourceName: sourceName, licence: licence,
                             districtLevel: districtLevel, defaultFacilityKind: defaultKind, sourceLayer: sourceLayer)
    }
}

extension LayerKind: ExpressibleByArgument {}

/// Problems as rows, so table, CSV and JSON output agree.
enum ProblemTable {
    static func make(_ problems: [DataProblem]) -> Tabular {
        var t = Tabular(columns: ["severity", "file", "feature", "row", "line", "column", "field", "id", "message"])
        for p in problems {
            let l = p.location
            t.append([.text(p.severity.rawValue), .text(l.file), int(l.feature), int(l.row), int(l.line), int(l.column),
                      l.field.map(TabularValue.text) ?? .missing, p.featureID.map(TabularValue.text) ?? .missing,
                      .text(p.message)])
        }
        return t
    }

    private static func int(_ v: Int?) -> TabularValue { v.map(TabularValue.integer) ?? .missing }
}

/// Pretty, key-sorted JSON for the commands whose answer is one structured object.
enum JSONOutput {
    static func string<T: Encodable>(_ value: T) throws -> String {
        try JSONText.pretty(JSONValue(encoding: value)) + "\n"
    }
}

/// Prints to standard output without buffering surprises when the process exits right after.
func emit(_ text: String) {
    FileHandle.standardOutput.write(Data(text.utf8))
}
