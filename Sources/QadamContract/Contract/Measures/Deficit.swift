extension RPC {
    /// `deficit`: seats against demand per district, places per 1,000 against the norm, and a
    /// capacity-aware assignment of demand to facilities.
    public enum Deficit: RPCMethod {
        public static let name = "deficit"
        public typealias Params = MeasureRequest<Options>

        public struct Options: Codable, Sendable, Equatable {
            /// How demand is assigned to seats; absent means `exact`.
            public var assignment: AssignmentMethod?
            public var limit: Int?

            public init(assignment: AssignmentMethod? = nil, limit: Int? = nil) {
                self.assignment = assignment; self.limit = limit
            }
        }

        public struct Result: Codable, Sendable, Equatable {
            public var kind: FacilityKind
            public var area: AreaRef?
            public var demandSource: DemandSource
            public var weighting: DemandWeighting
            public var groupKey: String
            public var rows: [SeatBalanceRow]
            public var total: SeatBalanceRow
            public var capacityNorm: String?
            /// Facilities of the kind whose capacity is unknown (and was not assumed).
            public var capacityUnknown: Int
            public var capacityAssumed: CapacityAssumption?
            public var parameters: ResultParameters
            /// Nil when some capacity is unknown: an assignment without those facilities would
            /// send their pupils elsewhere or call them unserved. `assignment_skipped` says so.
            public var assignment: Assignment?
            public var assignmentSkipped: String?
            public var unplaced: [UnplacedSite]

            public init(kind: FacilityKind, area: AreaRef?, demandSource: DemandSource, weighting: DemandWeighting,
                        groupKey: String, rows: [SeatBalanceRow], total: SeatBalanceRow, capacityNorm: String?,
                        capacityUnknown: Int, capacityAssumed: CapacityAssumption?, parameters: ResultParameters,
                        assignment: Assignment?, assignmentSkipped: String?, unplaced: [UnplacedSite]) {
                self.kind = kind; self.area = area; self.demandSource = demandSource; self.weighting = weighting
                self.groupKey = groupKey; self.rows = rows; self.total = total; self.capacityNorm = capacityNorm
                self.capacityUnknown = capacityUnknown; self.capacityAssumed = capacityAssumed; self.parameters = parameters
                self.assignment = assignment; self.assignmentSkipped = assignmentSkipped; self.unplaced = unplaced
            }

            enum CodingKeys: String, CodingKey {
                case kind, area, demandSource = "demand_source", weighting, groupKey = "group_key", rows, total
                case capacityNorm = "capacity_norm", capacityUnknown = "capacity_unknown", capacityAssumed = "capacity_assumed"
                case parameters, assignment, assignmentSkipped = "assignment_skipped", unplaced
            }

            public struct Assignment: Codable, Sendable, Equatable {
                public var method: Method
                public var totalDemand: Double
                public var assignedDemand: Double
                public var unservedDemand: Double
                public var overloaded: [FacilityLoad]
                public var unserved: [UnservedDemand]

                public init(method: Method, totalDemand: Double, assignedDemand: Double, unservedDemand: Double,
                            overloaded: [FacilityLoad], unserved: [UnservedDemand]) {
                    self.method = method; self.totalDemand = totalDemand; self.assignedDemand = assignedDemand
                    self.unservedDemand = unservedDemand; self.overloaded = overloaded; self.unserved = unserved
                }

                enum CodingKeys: String, CodingKey {
                    case method, totalDemand = "total_demand", assignedDemand = "assigned_demand"
                    case unservedDemand = "unserved_demand", overloaded, unserved
                }

                /// The algorithm that made the assignment.
                public enum Method: String, Codable, Sendable, CaseIterable {
                    case exactMinCostFlow = "exact_min_cost_flow"
                    case greedyNearestWithCapacity = "greedy_nearest_with_capacity"
                }
            }
        }
    }
}

/// `deficit`'s `assignment`: exact (min-cost flow) or greedy (nearest first, a heuristic).
public enum AssignmentMethod: String, ClosedVocabulary {
    case exact, greedy

    public static let wordName = "an assignment method"
}

/// Seats against demand in one group (usually a district).
public struct SeatBalanceRow: Codable, Sendable, Equatable {
    public var group: String
    /// The group's name for people (a district's name for its id), filled in by the caller.
    public var name: String?
    public var population: Double
    /// Weighted population needing a seat (e.g. school-age children).
    public var demand: Double
    /// Seats of the facilities whose capacity is known (all of them when `capacityUnknown` is 0).
    public var seats: Double
    /// Facilities in the group whose capacity is unknown. When it is above 0 the group's seats
    /// are not known, so `deficit`, `surplus`, `seatsPerThousand` and `normDeficit` are nil
    /// rather than figures that would count those facilities as 0 seats.
    public var capacityUnknown: Int
    /// `max(0, demand - seats)`; nil when some capacity is unknown.
    public var deficit: Double?
    /// The deficit if the facilities of unknown capacity had no seats at all: an upper bound,
    /// given only when some capacity is unknown.
    public var deficitAtMost: Double?
    /// `max(0, seats - demand)`; nil when some capacity is unknown.
    public var surplus: Double?
    /// Planning ratio: seats per 1,000 residents; nil with no residents or unknown capacity.
    public var seatsPerThousand: Double?
    /// The norm's seats per 1,000 residents, when one was given.
    public var normSeatsPerThousand: Double?
    /// Seats the norm asks for: `population × norm / 1000`.
    public var normSeats: Double?
    /// `max(0, normSeats - seats)`; nil when some capacity is unknown.
    public var normDeficit: Double?

    public init(group: String, name: String? = nil, population: Double, demand: Double, seats: Double, capacityUnknown: Int,
                deficit: Double?, deficitAtMost: Double?, surplus: Double?, seatsPerThousand: Double?,
                normSeatsPerThousand: Double?, normSeats: Double?, normDeficit: Double?) {
        self.group = group; self.name = name; self.population = population; self.demand = demand; self.seats = seats
        self.capacityUnknown = capacityUnknown; self.deficit = deficit; self.deficitAtMost = deficitAtMost
        self.surplus = surplus; self.seatsPerThousand = seatsPerThousand; self.normSeatsPerThousand = normSeatsPerThousand
        self.normSeats = normSeats; self.normDeficit = normDeficit
    }

    enum CodingKeys: String, CodingKey {
        case group, name, population, demand, seats, capacityUnknown = "capacity_unknown", deficit
        case deficitAtMost = "deficit_at_most", surplus, seatsPerThousand = "seats_per_thousand"
        case normSeatsPerThousand = "norm_seats_per_thousand", normSeats = "norm_seats", normDeficit = "norm_deficit"
    }
}

/// How a facility fares under an assignment.
public struct FacilityLoad: Codable, Sendable, Equatable {
    public var index: Int
    public var id: String
    public var capacity: Double
    public var currentLoad: Double?
    /// Demand the assignment sends here (never above capacity).
    public var assigned: Double
    /// Demand for which this is the nearest facility within the cutoff: who would come first.
    public var firstChoiceDemand: Double
    /// `max(0, firstChoiceDemand - capacity)`: how overloaded it would be if everyone went to
    /// their nearest facility.
    public var overload: Double

    public init(index: Int, id: String, capacity: Double, currentLoad: Double?, assigned: Double,
                firstChoiceDemand: Double, overload: Double) {
        self.index = index; self.id = id; self.capacity = capacity; self.currentLoad = currentLoad
        self.assigned = assigned; self.firstChoiceDemand = firstChoiceDemand; self.overload = overload
    }

    enum CodingKeys: String, CodingKey {
        case index, id, capacity, currentLoad = "current_load", assigned, firstChoiceDemand = "first_choice_demand", overload
    }
}

/// Demand a site could not place within the cutoff.
public struct UnservedDemand: Codable, Sendable, Equatable {
    public var index: Int
    public var id: String
    public var demand: Double
    public var unserved: Double

    public init(index: Int, id: String, demand: Double, unserved: Double) {
        self.index = index; self.id = id; self.demand = demand; self.unserved = unserved
    }
}
