import QadamGeo

/// An id and a display name, as `locate` reports places.
public struct PlaceRef: Codable, Sendable, Hashable {
    public var id: String
    public var name: String?
}

/// Everything `locate` knows about a point.
public struct Location: Codable, Sendable {
    public struct NearestSettlement: Codable, Sendable {
        public var settlement: PlaceRef
        public var place: String?
        public var population: Int?
        /// Geodesic distance in metres.
        public var distance: Double
    }

    public struct AgglomerationZoneRef: Codable, Sendable {
        public var agglomeration: PlaceRef
        public var zone: AgglomerationZone
        /// Geodesic distance from the core in metres.
        public var distanceFromCore: Double

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

    enum CodingKeys: String, CodingKey {
        case point, oblast, rayon, cityDistrict = "city_district", nearestSettlement = "nearest_settlement"
        case polycentre, agglomeration, swappedPoint = "swapped_point", note
    }
}

/// Answers "where is this point?" from a dataset's districts, settlements, polycentres and
/// agglomerations, held in memory.
public final class Gazetteer: Sendable {
    private let districts: AreaIndex<District>
    private let polycentres: AreaIndex<Polycentre>
    private let settlements: NearestPointIndex<Settlement>
    private let agglomerations: [Agglomeration]

    public init(districts: [District], settlements: [Settlement], polycentres: [Polycentre] = [],
                agglomerations: [Agglomeration] = []) {
        self.districts = AreaIndex(districts.map { ($0.polygon, $0) })
        self.polycentres = AreaIndex(polycentres.compactMap { p in p.polygon.map { ($0, p) } })
        self.settlements = NearestPointIndex(settlements.map { ($0.point, $0) })
        self.agglomerations = agglomerations
    }

    /// Loads the four layers a gazetteer needs from a dataset (missing layers are empty).
    public convenience init(store: DatasetStore) throws {
        self.init(districts: try store.districts(), settlements: try store.settlements(),
                  polycentres: try store.polycentres(), agglomerations: try store.agglomerations())
    }

    public func locate(_ point: Coordinate) -> Location {
        let covering = districts.covering(point)
        func ref(_ level: DistrictLevel) -> PlaceRef? {
            covering.first { $0.level == level }.map { PlaceRef(id: $0.id, name: $0.names.display) }
        }
        var location = Location(point: point, oblast: ref(.oblast), rayon: ref(.rayon), cityDistrict: ref(.cityDistrict))
        let swapped = Coordinate(lon: point.lat, lat: point.lon)
        if covering.isEmpty, swapped.isValidWGS84, let inside = districts.covering(swapped).first {
            location.swappedPoint = swapped
            location.note = "[\(point.lon), \(point.lat)] lies in no district of the dataset, but swapped, [\(swapped.lon), \(swapped.lat)],"
                + " lies in \(inside.names.display ?? inside.id): points are [lon, lat], and this looks like lat, lon pasted from a web map"
        }
        if let (s, d) = settlements.nearest(to: point) {
            location.nearestSettlement = .init(settlement: PlaceRef(id: s.id, name: s.names.display), place: s.placeType,
                                               population: s.population, distance: d)
        }
        location.polycentre = polycentres.covering(point).first.map { PlaceRef(id: $0.id, name: $0.name) }
        location.agglomeration = agglomerations
            .compactMap { a in a.zone(of: point).map { Location.AgglomerationZoneRef(agglomeration: PlaceRef(id: a.id, name: a.name), zone: $0.zone, distanceFromCore: $0.distance) } }
            .min { $0.distanceFromCore < $1.distanceFromCore }
        return location
    }
}
