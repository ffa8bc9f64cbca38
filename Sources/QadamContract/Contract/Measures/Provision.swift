extension RPC {
    /// `provision`: per settlement, the required kinds of its class met within their norm, and
    /// the share; roll-ups count- and population-weighted.
    public enum Provision: RPCMethod {
        public static let name = "provision"
        /// `limit`: how many settlements to list (all are counted).
        public typealias Params = MeasureRequest<RowLimit>

        public struct Result: Codable, Sendable, Equatable {
            public var area: AreaRef?
            public var demandSource: DemandSource
            /// The norms the checks come from.
            public var norms: [String]
            public var checks: [ProvisionCheckSpec]
            public var unchecked: [UncheckedKind]
            public var overall: ProvisionGroup
            public var groups: [ProvisionGroup]
            public var settlementCount: Int
            public var settlements: [SettlementProvision]
            /// Settlements whose class was taken from the OSM place type (an assumption).
            public var classFromOsmPlace: Int
            /// Settlements without a population: counted, never taken as 0.
            public var populationUnknown: Int
            public var unplaced: [UnplacedSite]

            public init(area: AreaRef?, demandSource: DemandSource, norms: [String], checks: [ProvisionCheckSpec],
                        unchecked: [UncheckedKind], overall: ProvisionGroup, groups: [ProvisionGroup], settlementCount: Int,
                        settlements: [SettlementProvision], classFromOsmPlace: Int, populationUnknown: Int,
                        unplaced: [UnplacedSite]) {
                self.area = area; self.demandSource = demandSource; self.norms = norms; self.checks = checks
                self.unchecked = unchecked; self.overall = overall; self.groups = groups; self.settlementCount = settlementCount
                self.settlements = settlements; self.classFromOsmPlace = classFromOsmPlace
                self.populationUnknown = populationUnknown; self.unplaced = unplaced
            }

            enum CodingKeys: String, CodingKey {
                case area, demandSource = "demand_source", norms, checks, unchecked, overall, groups
                case settlementCount = "settlement_count", settlements, classFromOsmPlace = "class_from_osm_place"
                case populationUnknown = "population_unknown", unplaced
            }
        }
    }

    /// `gaps`: the unmet provision checks across kinds, worst first by people affected, each
    /// with a sentence.
    public enum Gaps: RPCMethod {
        public static let name = "gaps"
        /// `limit`: how many gaps to list (default 20; totals count all).
        public typealias Params = MeasureRequest<RowLimit>

        public struct Result: Codable, Sendable, Equatable {
            public var area: AreaRef?
            public var norms: [String]
            public var checks: [ProvisionCheckSpec]
            public var unchecked: [UncheckedKind]
            public var gapCount: Int
            public var gaps: [ServiceGap]
            public var populationAffected: Double
            public var settlementsAffected: Int
            public var byKind: [KindTotal]
            public var unplaced: [UnplacedSite]

            public init(area: AreaRef?, norms: [String], checks: [ProvisionCheckSpec], unchecked: [UncheckedKind],
                        gapCount: Int, gaps: [ServiceGap], populationAffected: Double, settlementsAffected: Int,
                        byKind: [KindTotal], unplaced: [UnplacedSite]) {
                self.area = area; self.norms = norms; self.checks = checks; self.unchecked = unchecked
                self.gapCount = gapCount; self.gaps = gaps; self.populationAffected = populationAffected
                self.settlementsAffected = settlementsAffected; self.byKind = byKind; self.unplaced = unplaced
            }

            enum CodingKeys: String, CodingKey {
                case area, norms, checks, unchecked, gapCount = "gap_count", gaps, populationAffected = "population_affected"
                case settlementsAffected = "settlements_affected", byKind = "by_kind", unplaced
            }

            /// People beyond the norm for one kind (all gaps, not only the listed ones).
            public struct KindTotal: Codable, Sendable, Equatable {
                public var kind: String
                public var population: Double

                public init(kind: String, population: Double) { self.kind = kind; self.population = population }
            }
        }
    }
}

/// One (settlement class, kind) pair a provision run checked, with the limit and basis used.
public struct ProvisionCheckSpec: Codable, Sendable, Equatable {
    public var settlementClass: SettlementClass
    public var kind: String
    public var norm: String?
    public var limitSource: LimitSource
    public var profile: TravelProfile
    public var unit: CostUnit
    public var maxCost: Double
    public var basis: CostBasis
    public var speedKmh: Double
    public var detourFactor: Double?
    public var facilities: Int

    public init(settlementClass: SettlementClass, kind: String, norm: String?, limitSource: LimitSource, profile: TravelProfile,
                unit: CostUnit, maxCost: Double, basis: CostBasis, speedKmh: Double, detourFactor: Double?, facilities: Int) {
        self.settlementClass = settlementClass; self.kind = kind; self.norm = norm; self.limitSource = limitSource
        self.profile = profile; self.unit = unit; self.maxCost = maxCost; self.basis = basis; self.speedKmh = speedKmh
        self.detourFactor = detourFactor; self.facilities = facilities
    }

    enum CodingKeys: String, CodingKey {
        case settlementClass = "settlement_class", kind, norm, limitSource = "limit_source", profile, unit
        case maxCost = "max_cost", basis, speedKmh = "speed_kmh", detourFactor = "detour_factor", facilities
    }
}

/// A required kind of a settlement class that no rule gives a distance or time for: not checked.
public struct UncheckedKind: Codable, Sendable, Equatable {
    public var settlementClass: SettlementClass
    public var kind: String
    public var reason: String

    public init(settlementClass: SettlementClass, kind: String, reason: String) {
        self.settlementClass = settlementClass; self.kind = kind; self.reason = reason
    }

    enum CodingKeys: String, CodingKey {
        case settlementClass = "settlement_class", kind, reason
    }
}

/// Whether one settlement meets one requirement.
public struct ProvisionCheck: Codable, Sendable, Equatable {
    public var kind: String
    public var norm: String?
    public var maxCost: Double
    public var unit: CostUnit
    public var met: Bool
    public var nearestFacilityId: String?
    /// Cost to the nearest facility of the kind; nil if none within the cost source's horizon.
    public var nearestCost: Double?

    public init(kind: String, norm: String?, maxCost: Double, unit: CostUnit, met: Bool, nearestFacilityId: String?,
                nearestCost: Double?) {
        self.kind = kind; self.norm = norm; self.maxCost = maxCost; self.unit = unit; self.met = met
        self.nearestFacilityId = nearestFacilityId; self.nearestCost = nearestCost
    }

    enum CodingKeys: String, CodingKey {
        case kind, norm, maxCost = "max_cost", unit, met, nearestFacilityId = "nearest_facility_id", nearestCost = "nearest_cost"
    }
}

/// One settlement's checks and its share met.
public struct SettlementProvision: Codable, Sendable, Equatable {
    public var index: Int
    public var id: String
    public var name: String?
    public var settlementClass: SettlementClass
    public var population: Double
    public var checks: [ProvisionCheck]
    public var required: Int
    public var met: Int
    /// `met / required`; nil when the class has no requirements.
    public var share: Double?

    public init(index: Int, id: String, name: String?, settlementClass: SettlementClass, population: Double,
                checks: [ProvisionCheck], required: Int, met: Int, share: Double?) {
        self.index = index; self.id = id; self.name = name; self.settlementClass = settlementClass
        self.population = population; self.checks = checks; self.required = required; self.met = met; self.share = share
    }

    enum CodingKeys: String, CodingKey {
        case index, id, name, settlementClass = "settlement_class", population, checks, required, met, share
    }
}

/// Provision of a group of settlements (a district, oblast, class, or the nation).
public struct ProvisionGroup: Codable, Sendable, Equatable {
    public var key: String
    public var value: String
    /// The group's name for people (a district's name for its id), filled in by the caller.
    public var name: String?
    /// Settlements with at least one requirement (the others have no share to average).
    public var settlements: Int
    public var population: Double
    public var required: Int
    public var met: Int
    /// Mean of settlement shares: every village counts the same.
    public var countWeightedShare: Double?
    /// Shares weighted by population: every resident counts the same.
    public var populationWeightedShare: Double?

    public init(key: String, value: String, name: String? = nil, settlements: Int, population: Double, required: Int,
                met: Int, countWeightedShare: Double?, populationWeightedShare: Double?) {
        self.key = key; self.value = value; self.name = name; self.settlements = settlements; self.population = population
        self.required = required; self.met = met; self.countWeightedShare = countWeightedShare
        self.populationWeightedShare = populationWeightedShare
    }

    enum CodingKeys: String, CodingKey {
        case key, value, name, settlements, population, required, met
        case countWeightedShare = "count_weighted_share", populationWeightedShare = "population_weighted_share"
    }
}

/// One settlement beyond one norm: who is left out, by how much.
public struct ServiceGap: Codable, Sendable, Equatable {
    public var settlementIndex: Int
    public var settlementId: String
    public var name: String
    /// People affected: the settlement's population.
    public var population: Double
    public var kind: String
    public var norm: String?
    public var maxCost: Double
    public var unit: CostUnit
    public var nearestFacilityId: String?
    /// nil when no facility of the kind is within the cost source's horizon.
    public var nearestCost: Double?
    /// "Теректы, 8,000 people, 17.0 km to the nearest polyclinic".
    public var sentence: String

    public init(settlementIndex: Int, settlementId: String, name: String, population: Double, kind: String, norm: String?,
                maxCost: Double, unit: CostUnit, nearestFacilityId: String?, nearestCost: Double?, sentence: String) {
        self.settlementIndex = settlementIndex; self.settlementId = settlementId; self.name = name
        self.population = population; self.kind = kind; self.norm = norm; self.maxCost = maxCost; self.unit = unit
        self.nearestFacilityId = nearestFacilityId; self.nearestCost = nearestCost; self.sentence = sentence
    }

    enum CodingKeys: String, CodingKey {
        case settlementIndex = "settlement_index", settlementId = "settlement_id", name, population, kind, norm
        case maxCost = "max_cost", unit, nearestFacilityId = "nearest_facility_id", nearestCost = "nearest_cost", sentence
    }
}
