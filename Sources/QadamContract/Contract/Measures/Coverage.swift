extension RPC {
    /// `coverage`: people with a facility of a kind within a limit, and the demand points left
    /// outside ranked by population.
    public enum Coverage: RPCMethod {
        public static let name = "coverage"
        public typealias Params = MeasureRequest<RowLimit>

        public struct Result: Codable, Sendable, Equatable {
            public var kind: FacilityKind
            public var area: AreaRef?
            public var demandSource: DemandSource
            public var populationWithin: Double
            public var populationTotal: Double
            public var shareWithin: Double?
            public var norm: String?
            public var parameters: ResultParameters
            /// Facilities of the kind in the dataset (all may serve the area's people).
            public var facilities: Int
            /// Of those, inside the named area; absent without an area. 0 here with 0 covered
            /// says the data has no such facility there, not that they are all far away.
            public var facilitiesInArea: Int?
            public var outsideCount: Int
            /// Outside points by population descending, with the nearest facility the costs know of.
            public var outside: [OutsidePoint]
            public var groups: [CoverageGroup]
            public var unplaced: [UnplacedSite]

            public init(kind: FacilityKind, area: AreaRef?, demandSource: DemandSource, populationWithin: Double,
                        populationTotal: Double, shareWithin: Double?, norm: String?, parameters: ResultParameters,
                        facilities: Int, facilitiesInArea: Int?, outsideCount: Int, outside: [OutsidePoint],
                        groups: [CoverageGroup], unplaced: [UnplacedSite]) {
                self.kind = kind; self.area = area; self.demandSource = demandSource; self.populationWithin = populationWithin
                self.populationTotal = populationTotal; self.shareWithin = shareWithin; self.norm = norm
                self.parameters = parameters; self.facilities = facilities; self.facilitiesInArea = facilitiesInArea
                self.outsideCount = outsideCount; self.outside = outside; self.groups = groups; self.unplaced = unplaced
            }

            enum CodingKeys: String, CodingKey {
                case kind, area, demandSource = "demand_source", populationWithin = "population_within"
                case populationTotal = "population_total", shareWithin = "share_within", norm, parameters, facilities
                case facilitiesInArea = "facilities_in_area", outsideCount = "outside_count", outside, groups, unplaced
            }

            public struct OutsidePoint: Codable, Sendable, Equatable {
                public var point: DemandPointRef
                public var nearestFacilityId: String?
                public var nearestCost: Double?

                public init(point: DemandPointRef, nearestFacilityId: String?, nearestCost: Double?) {
                    self.point = point; self.nearestFacilityId = nearestFacilityId; self.nearestCost = nearestCost
                }

                enum CodingKeys: String, CodingKey {
                    case point, nearestFacilityId = "nearest_facility_id", nearestCost = "nearest_cost"
                }
            }
        }
    }
}

/// Coverage of one group (a district, a settlement class, a zone...).
public struct CoverageGroup: Codable, Sendable, Equatable {
    public var key: String
    public var value: String
    /// The group's name for people (a district's name for its id), filled in by the caller.
    public var name: String?
    public var sites: Int
    public var uncoveredSites: Int
    public var totalPopulation: Double
    public var coveredPopulation: Double
    public var uncoveredPopulation: Double
    public var coveredShare: Double?

    public init(key: String, value: String, name: String? = nil, sites: Int, uncoveredSites: Int, totalPopulation: Double,
                coveredPopulation: Double, uncoveredPopulation: Double, coveredShare: Double?) {
        self.key = key; self.value = value; self.name = name; self.sites = sites; self.uncoveredSites = uncoveredSites
        self.totalPopulation = totalPopulation; self.coveredPopulation = coveredPopulation
        self.uncoveredPopulation = uncoveredPopulation; self.coveredShare = coveredShare
    }

    enum CodingKeys: String, CodingKey {
        case key, value, name, sites, uncoveredSites = "uncovered_sites", totalPopulation = "total_population"
        case coveredPopulation = "covered_population", uncoveredPopulation = "uncovered_population", coveredShare = "covered_share"
    }
}
