import QadamGeo
import QadamContract

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
