extension RPC {
    /// `site`: where to put `count` new facilities of a kind so that the most people get one
    /// within the limit (lazy greedy maximal coverage).
    public enum Site: RPCMethod {
        public static let name = "site"
        public typealias Params = MeasureRequest<Options>

        public struct Options: Codable, Sendable, Equatable {
            /// How many facilities to place (1...1000).
            public var count: Int
            /// Candidate sites; absent means the street network's vertices, else the demand points.
            public var candidates: [Coordinate]?

            public init(count: Int, candidates: [Coordinate]? = nil) { self.count = count; self.candidates = candidates }
        }

        public struct Result: Codable, Sendable, Equatable {
            public var kind: FacilityKind
            public var area: AreaRef?
            public var demandSource: DemandSource
            public var parameters: ResultParameters
            public var candidateSource: CandidateSource
            public var candidateCount: Int
            public var picks: [Pick]
            public var populationTotal: Double
            public var populationCoveredBefore: Double
            public var populationCoveredAfter: Double
            /// Existing facilities of the kind with no capacity in the data; siting looks at
            /// coverage only, so they count as covering but their seats are not known.
            public var capacityUnknown: Int
            public var unplaced: [UnplacedSite]

            public init(kind: FacilityKind, area: AreaRef?, demandSource: DemandSource, parameters: ResultParameters,
                        candidateSource: CandidateSource, candidateCount: Int, picks: [Pick], populationTotal: Double,
                        populationCoveredBefore: Double, populationCoveredAfter: Double, capacityUnknown: Int,
                        unplaced: [UnplacedSite]) {
                self.kind = kind; self.area = area; self.demandSource = demandSource; self.parameters = parameters
                self.candidateSource = candidateSource; self.candidateCount = candidateCount; self.picks = picks
                self.populationTotal = populationTotal; self.populationCoveredBefore = populationCoveredBefore
                self.populationCoveredAfter = populationCoveredAfter; self.capacityUnknown = capacityUnknown
                self.unplaced = unplaced
            }

            enum CodingKeys: String, CodingKey {
                case kind, area, demandSource = "demand_source", parameters, candidateSource = "candidate_source"
                case candidateCount = "candidate_count", picks, populationTotal = "population_total"
                case populationCoveredBefore = "population_covered_before", populationCoveredAfter = "population_covered_after"
                case capacityUnknown = "capacity_unknown", unplaced
            }

            /// Where the candidates came from.
            public enum CandidateSource: String, Codable, Sendable, CaseIterable {
                case given
                case networkVertices = "network_vertices"
                case demandPoints = "demand_points"
            }

            public struct Pick: Codable, Sendable, Equatable {
                /// 1 for the first pick.
                public var rank: Int
                /// `[lon, lat]`.
                public var location: [Double]
                public var addedPopulation: Double
                public var cumulativePopulation: Double

                public init(rank: Int, location: [Double], addedPopulation: Double, cumulativePopulation: Double) {
                    self.rank = rank; self.location = location; self.addedPopulation = addedPopulation
                    self.cumulativePopulation = cumulativePopulation
                }

                enum CodingKeys: String, CodingKey {
                    case rank, location, addedPopulation = "added_population", cumulativePopulation = "cumulative_population"
                }
            }
        }
    }
}
