import QadamGeo
import QadamContract

/// A service point as the measures see it: one facility of one kind with a capacity
/// (seats, visits per shift, beds). Its position in the array is its *index*.
public struct SupplySite: Codable, Sendable, Hashable {
    public var id: String
    public var name: String?
    /// Seats, visits per shift or beds, in the same unit as the demand it serves.
    public var capacity: Double
    /// Observed load where known; echoed in results, never subtracted from capacity, because
    /// the modelled demand already includes the people who make up the current load.
    public var currentLoad: Double?
    /// Group memberships (e.g. the district a school is counted in for seat balances).
    public var groups: [String: String]
    public var location: Coordinate?

    public init(id: String, name: String? = nil, capacity: Double, currentLoad: Double? = nil,
                groups: [String: String] = [:], location: Coordinate? = nil) {
        self.id = id
        self.name = name
        self.capacity = capacity
        self.currentLoad = currentLoad
        self.groups = groups
        self.location = location
    }
}
