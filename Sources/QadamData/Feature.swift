import QadamGeo
import QadamContract

/// A generic feature with free-form properties, for layers without a fixed schema: the street
/// network's line features (with `highway`, `oneway`, ... as the network importer writes them).
public struct Feature: LayerRecord {
    public static let layer = LayerKind.network

    public var id: String
    public var geometry: Geometry
    public var properties: [String: JSONValue]

    public init(id: String, geometry: Geometry, properties: [String: JSONValue] = [:]) {
        self.id = id; self.geometry = geometry; self.properties = properties
    }

    enum CodingKeys: String, CodingKey { case id, geometry, properties }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        properties = try c.decodeIfPresent([String: JSONValue].self, forKey: .properties) ?? [:]
        guard let g = try c.decodeGeometry(forKey: .geometry, decoder: decoder) else {
            throw DecodingError.valueNotFound(Geometry.self, .init(codingPath: c.codingPath + [CodingKeys.geometry],
                                                                  debugDescription: "a feature needs a geometry"))
        }
        geometry = g
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(properties, forKey: .properties)
        try c.encodeGeometry(geometry, forKey: .geometry, encoder: encoder)
    }

    public static let geometryKey: String? = CodingKeys.geometry.rawValue
    public var storedGeometry: Geometry? { geometry }
    public var columns: RecordColumns {
        RecordColumns(name: properties["name"]?.stringValue, kind: properties["highway"]?.scalarText, population: nil)
    }
}
