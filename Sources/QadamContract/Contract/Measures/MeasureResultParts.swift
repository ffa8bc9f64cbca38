// The parts several service-gap results share: where, from what demand, with which limit.

/// What a travel cost measures. Every result echoes it so that a cutoff of `1000` is never
/// mistaken for seconds when it meant metres.
public enum CostUnit: String, Codable, Sendable, Hashable, CaseIterable {
    case metres
    case seconds
}

/// Where the demand of a result came from, echoed as `demand_source`.
public enum DemandSource: String, Codable, Sendable, CaseIterable {
    /// The dataset's `demand` layer (buildings, grid cells, estimates from totals...).
    case demandLayer = "demand_layer"
    /// Settlement points with their population (no demand layer).
    case settlements
    /// Settlement points, where a district's known total population was spread over its
    /// settlements that have none.
    case settlementsWithDistrictSpread = "settlements_district_spread"
}

/// The district a result was restricted to (`area`).
public struct AreaRef: Codable, Sendable, Equatable {
    public var id: String
    public var name: String?
    public var level: DistrictLevel

    public init(id: String, name: String?, level: DistrictLevel) {
        self.id = id; self.name = name; self.level = level
    }
}

/// Where a result's limit came from.
public enum LimitSource: String, Codable, Sendable, CaseIterable {
    /// The query's `max_m` / `max_min` (or catchment).
    case explicit
    /// A rule of the norms catalogue, named in `norm`.
    case norm
}

/// How a result's numbers were made: echoed as `parameters` by every service-gap method.
public struct ResultParameters: Codable, Sendable, Equatable {
    public var kind: FacilityKind?
    public var profile: TravelProfile
    public var speedKmh: Double
    public var unit: CostUnit
    public var cutoff: Double
    public var limitSource: LimitSource
    public var norm: String?
    public var basis: CostBasis
    public var detourFactor: Double?
    /// `access` only: the floating-catchment variant whose distance decay was used.
    public var decay: CatchmentMethod?

    public init(kind: FacilityKind?, profile: TravelProfile, speedKmh: Double, unit: CostUnit, cutoff: Double,
                limitSource: LimitSource, norm: String?, basis: CostBasis, detourFactor: Double?, decay: CatchmentMethod?) {
        self.kind = kind; self.profile = profile; self.speedKmh = speedKmh; self.unit = unit; self.cutoff = cutoff
        self.limitSource = limitSource; self.norm = norm; self.basis = basis; self.detourFactor = detourFactor; self.decay = decay
    }

    enum CodingKeys: String, CodingKey {
        case kind, profile, speedKmh = "speed_kmh", unit, cutoff, limitSource = "limit_source", norm, basis
        case detourFactor = "detour_factor", decay
    }
}

/// How demand was weighted, echoed in results.
public struct DemandWeighting: Codable, Sendable, Equatable {
    public var weight: DemandWeight
    /// The share used for points without their own, and where it comes from.
    public var defaultShare: Double?
    public var defaultShareSource: String?
    public var pointsWithOwnShare: Int

    public init(weight: DemandWeight, defaultShare: Double?, defaultShareSource: String?, pointsWithOwnShare: Int) {
        self.weight = weight; self.defaultShare = defaultShare; self.defaultShareSource = defaultShareSource
        self.pointsWithOwnShare = pointsWithOwnShare
    }

    enum CodingKeys: String, CodingKey {
        case weight, defaultShare = "default_share", defaultShareSource = "default_share_source"
        case pointsWithOwnShare = "points_with_own_share"
    }
}

/// What each demand point's population is multiplied by.
public enum DemandWeight: String, Codable, Sendable, CaseIterable {
    case population
    /// The point's school-age share (or the default share where it has none).
    case schoolAgeShare = "school_age_share"
}

/// Capacities that were assumed rather than read from the data: how many, what, from where.
/// Echoed as `capacity_assumed` so nobody takes an assumed seat count for a measured one.
public struct CapacityAssumption: Codable, Sendable, Equatable {
    public var facilities: Int
    public var capacity: Double
    /// `explicit` (the query's number) or the catalogue rule id.
    public var source: String

    public init(facilities: Int, capacity: Double, source: String) {
        self.facilities = facilities; self.capacity = capacity; self.source = source
    }
}

/// A demand point or facility the travel costs could not place (no location, or too far from
/// the street network): left out of the measure, and listed so that nobody misses it.
public struct UnplacedSite: Codable, Sendable, Equatable {
    public enum Side: String, Codable, Sendable, CaseIterable {
        case demand, facility
    }

    public var side: Side
    public var id: String
    public var reason: String

    public init(side: Side, id: String, reason: String) {
        self.side = side; self.id = id; self.reason = reason
    }
}

/// A demand point in a list: its id, name, population, district and location.
public struct DemandPointRef: Codable, Sendable, Equatable {
    public var id: String
    public var name: String?
    public var population: Double
    public var district: String?
    /// `[lon, lat]`.
    public var location: [Double]?

    public init(id: String, name: String?, population: Double, district: String?, location: [Double]?) {
        self.id = id; self.name = name; self.population = population; self.district = district; self.location = location
    }
}
