extension RPC {
    /// `whatif`: add, remove or resize facilities of one kind and see the change in coverage,
    /// seat balance per district and provision against the base, on the same snapshot.
    public enum WhatIf: RPCMethod {
        public static let name = "whatif"
        public typealias Params = MeasureRequest<Options>

        public struct Options: Codable, Sendable, Equatable {
            public var changes: [Change]

            public init(changes: [Change]) { self.changes = changes }
        }

        /// One change to the facilities of the kind.
        public struct Change: Codable, Sendable, Equatable {
            public var op: Operation
            /// Where a new facility stands (`add`).
            public var at: Coordinate?
            /// The facility to remove or resize, or the new one's id (`add`; default `new-N`).
            public var id: String?
            public var name: String?
            /// Seats of a new or resized facility.
            public var capacity: Double?

            public init(op: Operation, at: Coordinate? = nil, id: String? = nil, name: String? = nil, capacity: Double? = nil) {
                self.op = op; self.at = at; self.id = id; self.name = name; self.capacity = capacity
            }

            public enum Operation: String, ClosedVocabulary {
                case add, remove, resize

                public static let wordName = "a change op"
            }
        }

        public struct Result: Codable, Sendable, Equatable {
            public var kind: FacilityKind
            public var area: AreaRef?
            public var demandSource: DemandSource
            public var weighting: DemandWeighting
            public var parameters: ResultParameters
            /// How many changes were applied.
            public var changes: Int
            public var coverage: CoverageChange
            /// Nil when some facility of the kind has no capacity (none assumed): `seats_skipped` says why.
            public var seats: [SeatGroupChange]?
            public var seatsSkipped: String?
            public var capacityUnknown: Int
            public var capacityAssumed: CapacityAssumption?
            public var provision: ProvisionChange?
            public var unplaced: [UnplacedSite]

            public init(kind: FacilityKind, area: AreaRef?, demandSource: DemandSource, weighting: DemandWeighting,
                        parameters: ResultParameters, changes: Int, coverage: CoverageChange, seats: [SeatGroupChange]?,
                        seatsSkipped: String?, capacityUnknown: Int, capacityAssumed: CapacityAssumption?,
                        provision: ProvisionChange?, unplaced: [UnplacedSite]) {
                self.kind = kind; self.area = area; self.demandSource = demandSource; self.weighting = weighting
                self.parameters = parameters; self.changes = changes; self.coverage = coverage; self.seats = seats
                self.seatsSkipped = seatsSkipped; self.capacityUnknown = capacityUnknown; self.capacityAssumed = capacityAssumed
                self.provision = provision; self.unplaced = unplaced
            }

            enum CodingKeys: String, CodingKey {
                case kind, area, demandSource = "demand_source", weighting, parameters, changes, coverage, seats
                case seatsSkipped = "seats_skipped", capacityUnknown = "capacity_unknown", capacityAssumed = "capacity_assumed"
                case provision, unplaced
            }
        }
    }
}

/// A demand site whose status changed between base and scenario.
public struct SiteChange: Codable, Sendable, Equatable {
    public var index: Int
    public var id: String
    public var name: String?
    public var population: Double

    public init(index: Int, id: String, name: String?, population: Double) {
        self.index = index; self.id = id; self.name = name; self.population = population
    }
}

public struct CoverageChange: Codable, Sendable, Equatable {
    public var coveredBefore: Double
    public var coveredAfter: Double
    /// `coveredAfter - coveredBefore` (people).
    public var change: Double
    public var shareBefore: Double?
    public var shareAfter: Double?
    /// Sorted by population descending, ties by id.
    public var newlyCovered: [SiteChange]
    public var newlyUncovered: [SiteChange]

    public init(coveredBefore: Double, coveredAfter: Double, change: Double, shareBefore: Double?, shareAfter: Double?,
                newlyCovered: [SiteChange], newlyUncovered: [SiteChange]) {
        self.coveredBefore = coveredBefore; self.coveredAfter = coveredAfter; self.change = change
        self.shareBefore = shareBefore; self.shareAfter = shareAfter; self.newlyCovered = newlyCovered
        self.newlyUncovered = newlyUncovered
    }

    enum CodingKeys: String, CodingKey {
        case coveredBefore = "covered_before", coveredAfter = "covered_after", change, shareBefore = "share_before"
        case shareAfter = "share_after", newlyCovered = "newly_covered", newlyUncovered = "newly_uncovered"
    }
}

public struct SeatGroupChange: Codable, Sendable, Equatable {
    public var group: String
    public var before: SeatBalanceRow
    public var after: SeatBalanceRow

    public init(group: String, before: SeatBalanceRow, after: SeatBalanceRow) {
        self.group = group; self.before = before; self.after = after
    }
}

/// Provision of the scenario's facility kind: settlements meeting their requirement for it.
public struct ProvisionChange: Codable, Sendable, Equatable {
    /// Settlements that have a requirement for this kind.
    public var settlements: Int
    public var metBefore: Int
    public var metAfter: Int
    public var populationMetBefore: Double
    public var populationMetAfter: Double
    public var newlyMet: [SiteChange]
    public var newlyUnmet: [SiteChange]

    public init(settlements: Int, metBefore: Int, metAfter: Int, populationMetBefore: Double, populationMetAfter: Double,
                newlyMet: [SiteChange], newlyUnmet: [SiteChange]) {
        self.settlements = settlements; self.metBefore = metBefore; self.metAfter = metAfter
        self.populationMetBefore = populationMetBefore; self.populationMetAfter = populationMetAfter
        self.newlyMet = newlyMet; self.newlyUnmet = newlyUnmet
    }

    enum CodingKeys: String, CodingKey {
        case settlements, metBefore = "met_before", metAfter = "met_after", populationMetBefore = "population_met_before"
        case populationMetAfter = "population_met_after", newlyMet = "newly_met", newlyUnmet = "newly_unmet"
    }
}
