import QadamData
import QadamGeo
import QadamContract

/// Where people live, as the measures see it: a building, grid cell or settlement point.
///
/// The measures take plain arrays of these rather than the dataset store's types so that they
/// stay pure algorithms; the integrator maps `DemandPoint`/`Settlement` onto them. A site's
/// position in the array is its *index*, which `TravelCosts` rows refer to.
public struct DemandSite: Codable, Sendable, Hashable {
    /// Stable identifier used in results and as the final tie-break in rankings.
    public var id: String
    /// Human name for reports ("Теректы"); `id` is used when absent.
    public var name: String?
    /// Residents.
    public var population: Double
    /// Share of residents that form the demand being measured (e.g. school-age share); 1 = all.
    public var weight: Double
    /// Group memberships for roll-ups, e.g. `[GroupKey.district: "Алатауский"]`.
    public var groups: [String: String]
    /// WGS 84 position; needed only by agglomeration zoning and straight-line estimates.
    public var location: Coordinate?

    public init(id: String, name: String? = nil, population: Double, weight: Double = 1,
                groups: [String: String] = [:], location: Coordinate? = nil) {
        self.id = id
        self.name = name
        self.population = population
        self.weight = weight
        self.groups = groups
        self.location = location
    }

    /// The weighted population that competes for supply: `population × weight`.
    public var demand: Double { population * weight }

}

/// Well-known group keys, so that producers and consumers of `groups` agree on spelling: the
/// words of the wire's `group_by` vocabulary (`GroupBy`).
public enum GroupKey {
    public static let district = GroupBy.district.rawValue
    public static let oblast = GroupBy.oblast.rawValue
    public static let settlementClass = GroupBy.settlementClass.rawValue
    public static let urbanRural = GroupBy.urbanRural.rawValue
    public static let agglomerationZone = GroupBy.agglomerationZone.rawValue
    public static let polycentre = GroupBy.polycentre.rawValue
}
