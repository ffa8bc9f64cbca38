extension RPC {
    /// `locate`: oblast, rayon, city district, nearest settlement, polycentre and
    /// agglomeration zone of a point.
    public enum Locate: RPCMethod {
        public static let name = "locate"

        public struct Params: Codable, Sendable, Equatable {
            public var at: Coordinate
            public init(at: Coordinate) { self.at = at }
        }

        public typealias Result = Location
    }
}

/// An id and a display name, as `locate` reports places.
public struct PlaceRef: Codable, Sendable, Hashable {
    public var id: String
    public var name: String?

    public init(id: String, name: String?) { self.id = id; self.name = name }
}

/// Everything `locate` knows about a point.
public struct Location: Codable, Sendable {
    public struct NearestSettlement: Codable, Sendable {
        public var settlement: PlaceRef
        public var place: String?
        public var population: Int?
        /// Geodesic distance in metres.
        public var distance: Double

        public init(settlement: PlaceRef, place: String?, population: Int?, distance: Double) {
            self.settlement = settlement; self.place = place; self.population = population; self.distance = distance
        }
    }

    public struct AgglomerationZoneRef: Codable, Sendable {
        public var agglomeration: PlaceRef
        public var zone: AgglomerationZone
        /// Geodesic distance from the core in metres.
        public var distanceFromCore: Double

        public init(agglomeration: PlaceRef, zone: AgglomerationZone, distanceFromCore: Double) {
            self.agglomeration = agglomeration; self.zone = zone; self.distanceFromCore = distanceFromCore
        }

        enum CodingKeys: String, CodingKey { case agglomeration, zone, distanceFromCore = "distance_from_core" }
    }

    public var point: Coordinate
    public var oblast: PlaceRef?
    public var rayon: PlaceRef?
    public var cityDistrict: PlaceRef?
    public var nearestSettlement: NearestSettlement?
    public var polycentre: PlaceRef?
    public var agglomeration: AgglomerationZoneRef?
    /// When the point lies in no district but its swap does: the swapped point and a sentence
    /// (web maps give LAT, LON; Qadam takes LON, LAT).
    public var swappedPoint: Coordinate?
    public var note: String?

    /// What is found later (nearest settlement, polycentre, ...) is set on the value.
    public init(point: Coordinate, oblast: PlaceRef?, rayon: PlaceRef?, cityDistrict: PlaceRef?) {
        self.point = point; self.oblast = oblast; self.rayon = rayon; self.cityDistrict = cityDistrict
    }

    enum CodingKeys: String, CodingKey {
        case point, oblast, rayon, cityDistrict = "city_district", nearestSettlement = "nearest_settlement"
        case polycentre, agglomeration, swappedPoint = "swapped_point", note
    }
}

/// The three zones of influence around an agglomeration's core, innermost first.
public enum AgglomerationZone: String, CaseIterable, Codable, Sendable {
    case intensive, active, weak
}

