extension RPC {
    /// `access`: supply per person by the floating-catchment family (2SFCA, enhanced 2SFCA, a
    /// gravity model), per demand point, per facility and per group.
    public enum Access: RPCMethod {
        public static let name = "access"
        public typealias Params = MeasureRequest<Options>

        public struct Options: Codable, Sendable, Equatable {
            /// Absent means `2sfca`.
            public var method: CatchmentMethod?
            /// The catchment, in metres or in minutes: exactly one of the two.
            public var catchmentM: Double?
            public var catchmentMin: Double?

            public init(method: CatchmentMethod? = nil, catchmentM: Double? = nil, catchmentMin: Double? = nil) {
                self.method = method; self.catchmentM = catchmentM; self.catchmentMin = catchmentMin
            }

            enum CodingKeys: String, CodingKey {
                case method, catchmentM = "catchment_m", catchmentMin = "catchment_min"
            }
        }

        public struct Result: Codable, Sendable, Equatable {
            public var kind: FacilityKind
            public var method: CatchmentMethod
            public var area: AreaRef?
            public var demandSource: DemandSource
            public var weighting: DemandWeighting
            public var parameters: ResultParameters
            /// Per demand point: supply per weighted person (seats per child, visits per resident).
            public var points: [PointRatio]
            public var facilities: [FacilityRatio]
            public var groups: [AccessGroup]
            /// Facilities of the kind with no capacity (none assumed): left out of the ratios,
            /// which are then lower bounds near them.
            public var capacityUnknown: Int
            public var capacityAssumed: CapacityAssumption?
            public var unplaced: [UnplacedSite]

            public init(kind: FacilityKind, method: CatchmentMethod, area: AreaRef?, demandSource: DemandSource,
                        weighting: DemandWeighting, parameters: ResultParameters, points: [PointRatio],
                        facilities: [FacilityRatio], groups: [AccessGroup], capacityUnknown: Int,
                        capacityAssumed: CapacityAssumption?, unplaced: [UnplacedSite]) {
                self.kind = kind; self.method = method; self.area = area; self.demandSource = demandSource
                self.weighting = weighting; self.parameters = parameters; self.points = points; self.facilities = facilities
                self.groups = groups; self.capacityUnknown = capacityUnknown; self.capacityAssumed = capacityAssumed
                self.unplaced = unplaced
            }

            enum CodingKeys: String, CodingKey {
                case kind, method, area, demandSource = "demand_source", weighting, parameters, points, facilities, groups
                case capacityUnknown = "capacity_unknown", capacityAssumed = "capacity_assumed", unplaced
            }

            public struct PointRatio: Codable, Sendable, Equatable {
                public var id: String
                public var ratio: Double
                public var demand: Double
                public var district: String?

                public init(id: String, ratio: Double, demand: Double, district: String?) {
                    self.id = id; self.ratio = ratio; self.demand = demand; self.district = district
                }
            }
        }
    }
}

/// `access`'s `method`: how supply in reach is weighted by travel cost.
public enum CatchmentMethod: String, ClosedVocabulary {
    /// Two-step floating catchment: everyone in the catchment counts the same.
    case twoStep = "2sfca"
    /// Enhanced 2SFCA: weights 1, 0.68 and 0.22 over thirds of the catchment (Luo & Qi 2009).
    case enhancedTwoStep = "e2sfca"
    /// Gravity: weight 1 / cost, costs below a tenth of the catchment counted as that tenth.
    case gravity

    public static let wordName = "a catchment method"
}

/// A facility's supply-to-demand ratio within its catchment (the first step).
public struct FacilityRatio: Codable, Sendable, Equatable {
    public var index: Int
    public var id: String
    public var capacity: Double
    /// Σ over sites in its catchment of `decay(cost) × demand`.
    public var catchmentDemand: Double
    /// `capacity / catchmentDemand`; nil when no one is in the catchment.
    public var ratio: Double?

    public init(index: Int, id: String, capacity: Double, catchmentDemand: Double, ratio: Double?) {
        self.index = index; self.id = id; self.capacity = capacity; self.catchmentDemand = catchmentDemand; self.ratio = ratio
    }

    enum CodingKeys: String, CodingKey {
        case index, id, capacity, catchmentDemand = "catchment_demand", ratio
    }
}

/// Demand-weighted mean access of one group.
public struct AccessGroup: Codable, Sendable, Equatable {
    public var key: String
    public var value: String
    /// The group's name for people (a district's name for its id), filled in by the caller.
    public var name: String?
    public var demand: Double
    /// `Σ demand × ratio / Σ demand`; nil with no demand.
    public var meanRatio: Double?

    public init(key: String, value: String, name: String? = nil, demand: Double, meanRatio: Double?) {
        self.key = key; self.value = value; self.name = name; self.demand = demand; self.meanRatio = meanRatio
    }

    enum CodingKeys: String, CodingKey {
        case key, value, name, demand, meanRatio = "mean_ratio"
    }
}
