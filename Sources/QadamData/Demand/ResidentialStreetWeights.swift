/// How much a metre of street of each OSM `highway` class says that people live beside it,
/// for the dasymetric estimate: residential streets are where homes are; through roads carry
/// some housing (apartment blocks line Almaty's avenues) but also long empty stretches; paths,
/// tracks and motorways carry none. docs/demand.md gives the table and why.
public enum ResidentialStreetWeights {
    public static let table: [String: Double] = [
        "residential": 1.0,
        "living_street": 1.0,
        "unclassified": 0.5,
        "tertiary": 0.25,
        "secondary": 0.25,
        "primary": 0.25,
        "service": 0.25,
    ]

    /// The weight of a street with this `highway` value (0 for anything not in the table).
    public static func weight(highway: String?) -> Double {
        highway.flatMap { table[$0] } ?? 0
    }

    /// A walkable street of any class, for the fallback where an area has no residential street.
    public static func isStreet(highway: String?) -> Bool {
        guard let highway else { return false }
        return !["motorway", "motorway_link", "trunk", "trunk_link", "construction", "proposed", "raceway"].contains(highway)
    }
}
