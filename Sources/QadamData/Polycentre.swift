import QadamGeo
import QadamContract

/// A named planning centre inside a city (Almaty: Север, Запад, Юго-запад, Восточные ворота,
/// Исторический центр).
///
/// The geometry is optional because the planning documents name polycentres without
/// publishing their boundaries; a polycentre without one is kept and counted in `info`.
public struct Polycentre: LayerRecord {
    public static let layer = LayerKind.polycentres

    public var id: String
    public var name: String
    public var specialisation: String?
    public var polygon: Geometry?

    public init(id: String, name: String, specialisation: String? = nil, polygon: Geometry? = nil) {
        self.id = id; self.name = name; self.specialisation = specialisation; self.polygon = polygon
    }

    enum CodingKeys: String, CodingKey { case id, name, specialisation, polygon }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        name = try c.decode(String.self, forKey: .name)
        specialisation = try c.decodeIfPresent(String.self, forKey: .specialisation)
        polygon = try c.decodeGeometry(forKey: .polygon, decoder: decoder)
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(name, forKey: .name)
        try c.encodeIfPresent(specialisation, forKey: .specialisation)
        try c.encodeGeometry(polygon, forKey: .polygon, encoder: encoder)
    }

    public static let geometryKey: String? = CodingKeys.polygon.rawValue
    public var storedGeometry: Geometry? { polygon }
    public var columns: RecordColumns { RecordColumns(name: name, kind: specialisation, population: nil) }
}
