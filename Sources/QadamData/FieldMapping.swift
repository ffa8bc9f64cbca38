import Foundation
import QadamContract

/// Which source field feeds which target field of a layer, e.g. `population <- "Население"`.
///
/// Targets not named here fall back to the layer's defaults (`LayerSchema`), the first
/// candidate present in the file winning.
public struct FieldMapping: Codable, Sendable, Hashable {
    /// Target field -> source field.
    public var fields: [String: String]
    /// The layer, when the mapping file names it.
    public var layer: LayerKind?

    public init(fields: [String: String] = [:], layer: LayerKind? = nil) {
        self.fields = fields
        self.layer = layer
    }

    /// Reads a mapping file: `{"layer": "facilities", "fields": {"id": "obj_id", "capacity": "seats"}}`,
    /// or just the `fields` object.
    public static func load(_ url: URL) throws -> FieldMapping {
        let value: JSONValue
        do {
            value = try JSONParser.parse(try Data(contentsOf: url))
        } catch let e as JSONSyntaxError {
            throw ImportError.badMapping("\(url.path): \(e)")
        } catch {
            throw ImportError.badMapping("\(url.path): \(error.localizedDescription)")
        }
        guard let object = value.objectValue else { throw ImportError.badMapping("\(url.path): expected a JSON object") }
        var mapping = FieldMapping()
        if let layer = object["layer"] {
            guard let name = layer.stringValue, let kind = LayerKind(rawValue: name) else {
                throw ImportError.badMapping("\(url.path): unknown layer \(layer) (known: \(LayerKind.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            mapping.layer = kind
        }
        let fields = object["fields"]?.objectValue ?? object.filter { $0.key != "layer" }
        for (target, source) in fields {
            guard let s = source.stringValue else {
                throw ImportError.badMapping("\(url.path): field '\(target)' must map to a source field name (a string)")
            }
            mapping.fields[target] = s
        }
        return mapping
    }

    /// Applies `target=source` pairs (from repeated `--field` options) over this mapping.
    public func merging(pairs: [String]) throws -> FieldMapping {
        var copy = self
        for pair in pairs {
            let parts = pair.split(separator: "=", maxSplits: 1).map { String($0).trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
                throw ImportError.badMapping("'\(pair)' is not target=source")
            }
            copy.fields[parts[0]] = parts[1]
        }
        return copy
    }
}

/// Everything an import needs besides the file.
public struct ImportOptions: Sendable {
    public var layer: LayerKind?
    public var mapping: FieldMapping
    /// A human name for the source (e.g. "geokz 2024 ADM2"); defaults to the file name.
    public var sourceName: String?
    public var licence: String?
    /// The district level when the file does not say (defaults are inferred from geokz/OSM fields).
    public var districtLevel: DistrictLevel?
    /// The facility kind for rows whose file has no kind field (e.g. a list of hospitals).
    public var defaultFacilityKind: FacilityKind?
    /// Which feature table of a GeoPackage to read, when it holds more than one.
    public var sourceLayer: String?

    public init(layer: LayerKind? = nil, mapping: FieldMapping = FieldMapping(), sourceName: String? = nil,
                licence: String? = nil, districtLevel: DistrictLevel? = nil, defaultFacilityKind: FacilityKind? = nil,
                sourceLayer: String? = nil) {
        self.layer = layer; self.mapping = mapping; self.sourceName = sourceName
        self.licence = licence; self.districtLevel = districtLevel; self.defaultFacilityKind = defaultFacilityKind
        self.sourceLayer = sourceLayer
    }
}
