/// The parameters the service-gap methods share (`coverage`, `access`, `deficit`, `provision`,
/// `gaps`, `whatif`, `site`, `agglomerations`): which facilities, how far, where, how to travel,
/// and how to roll up. Each method's own members sit beside these in the same params object
/// (`MeasureRequest`).
public struct MeasureParams: Codable, Sendable, Equatable {
    public var kind: FacilityKind?
    /// Explicit limit in metres (network distance, or estimated road distance).
    public var maxM: Double?
    /// Explicit limit in minutes.
    public var maxMin: Double?
    /// A district id or name.
    public var area: String?
    public var profile: TravelProfile?
    public var speedKmh: Double?
    /// Without a network: road distance = straight line × this.
    public var detourFactor: Double?
    public var groupBy: [GroupBy]?
    /// For facilities without a capacity: a number, or `"catalogue"` for the norms catalogue's figure.
    public var assumeCapacity: JSONValue?

    public init(kind: FacilityKind? = nil, maxM: Double? = nil, maxMin: Double? = nil, area: String? = nil,
                profile: TravelProfile? = nil, speedKmh: Double? = nil, detourFactor: Double? = nil,
                groupBy: [GroupBy]? = nil, assumeCapacity: JSONValue? = nil) {
        self.kind = kind; self.maxM = maxM; self.maxMin = maxMin; self.area = area; self.profile = profile
        self.speedKmh = speedKmh; self.detourFactor = detourFactor; self.groupBy = groupBy; self.assumeCapacity = assumeCapacity
    }

    enum CodingKeys: String, CodingKey {
        case kind, maxM = "max_m", maxMin = "max_min", area, profile, speedKmh = "speed_kmh"
        case detourFactor = "detour_factor", groupBy = "group_by", assumeCapacity = "assume_capacity"
    }
}
