import QadamGeo
import QadamContract


/// An administrative area with its boundary.
public struct District: LayerRecord {
    public static let layer = LayerKind.districts

    public var id: String
    public var names: PlaceNames
    public var level: DistrictLevel
    public var parentID: String?
    /// The KATO code (classifier of administrative-territorial objects), where the source has it.
    public var kato: String?
    public var population: Int?
    /// A Polygon or MultiPolygon in WGS 84.
    public var polygon: Geometry

    public init(id: String, names: PlaceNames, level: DistrictLevel, parentID: String? = nil,
                kato: String? = nil, population: Int? = nil, polygon: Geometry) {
        self.id = id; self.names = names; self.level = level; self.parentID = parentID
        self.kato = kato; self.population = population; self.polygon = polygon
    }

    enum CodingKeys: String, CodingKey {
        case id, names, level, parentID = "parent_id", kato, population, polygon
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        names = try c.decode(PlaceNames.self, forKey: .names)
        level = try c.decode(DistrictLevel.self, forKey: .level)
        parentID = try c.decodeIfPresent(String.self, forKey: .parentID)
        kato = try c.decodeIfPresent(String.self, forKey: .kato)
        population = try c.decodeIfPresent(Int.self, forKey: .population)
        guard let polygon = try c.decodeGeometry(forKey: .polygon, decoder: decoder) else {
            throw DecodingError.valueNotFound(Geometry.self, .init(codingPath: c.codingPath + [CodingKeys.polygon],
                                                                  debugDescription: "a district needs a polygon"))
        }
        self.polygon = polygon
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(names, forKey: .names)
        try c.encode(level, forKey: .level)
        try c.encodeIfPresent(parentID, forKey: .parentID)
        try c.encodeIfPresent(kato, forKey: .kato)
        try c.encodeIfPresent(population, forKey: .population)
        try c.encodeGeometry(polygon, forKey: .polygon, encoder: encoder)
    }

    public static let geometryKey: String? = CodingKeys.polygon.rawValue
    /// Oblasts, rayons and city districts come from different files and live side by side.
    public static let partitionedByKind = true
    public var storedGeometry: Geometry? { polygon }
    public var columns: RecordColumns {
        RecordColumns(name: names.display, kind: level.rawValue, population: population.map(Double.init))
    }
}
