import QadamGeo
import QadamContract

/// Special statuses that add or change norms: monotown, small town, border settlement.
public struct SettlementFlags: Codable, Sendable, Hashable {
    public var monotown: Bool
    public var smallTown: Bool
    public var border: Bool

    public init(monotown: Bool = false, smallTown: Bool = false, border: Bool = false) {
        self.monotown = monotown; self.smallTown = smallTown; self.border = border
    }

    enum CodingKeys: String, CodingKey {
        case monotown, smallTown = "small_town", border
    }
}

/// A city, town or village, as a point.
public struct Settlement: LayerRecord {
    public static let layer = LayerKind.settlements

    public var id: String
    public var names: PlaceNames
    public var settlementClass: SettlementClass?
    public var flags: SettlementFlags
    public var population: Int?
    public var point: Coordinate
    public var oblastID: String?
    public var districtID: String?
    /// OSM `place` value (city, town, village, hamlet, isolated_dwelling), kept as given.
    public var placeType: String?
    /// How `settlementClass` was decided (e.g. `cities_status`, `osm_place_town`); set by
    /// `SettlementClassifier`, so a report can say whether a class rests on a document or an assumption.
    public var classBasis: String?
    /// How each set flag was decided, keyed by flag name (`monotown`, `small_town`, `border`).
    public var flagBasis: [String: String]?
    /// The ADM2 unit (rayon or city administration) this settlement is taken to be the seat of.
    public var seatOf: String?

    public init(id: String, names: PlaceNames, settlementClass: SettlementClass? = nil,
                flags: SettlementFlags = SettlementFlags(), population: Int? = nil, point: Coordinate,
                oblastID: String? = nil, districtID: String? = nil, placeType: String? = nil,
                classBasis: String? = nil, flagBasis: [String: String]? = nil, seatOf: String? = nil) {
        self.id = id; self.names = names; self.settlementClass = settlementClass; self.flags = flags
        self.population = population; self.point = point; self.oblastID = oblastID
        self.districtID = districtID; self.placeType = placeType
        self.classBasis = classBasis; self.flagBasis = flagBasis; self.seatOf = seatOf
    }

    enum CodingKeys: String, CodingKey {
        case id, names, settlementClass = "class", flags, population, point
        case oblastID = "oblast_id", districtID = "district_id", placeType = "place"
        case classBasis = "class_basis", flagBasis = "flag_basis", seatOf = "seat_of"
    }

    public var storedGeometry: Geometry? { .point(point) }
    public var columns: RecordColumns {
        RecordColumns(name: names.display, kind: settlementClass?.rawValue ?? placeType, population: population.map(Double.init))
    }
}
