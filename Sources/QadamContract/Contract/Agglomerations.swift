extension RPC {
    /// `agglomerations`: per agglomeration of the dataset, how many settlements and people lie
    /// in its intensive, active and weak zones (geodesic distance from the core; road distances
    /// in the zoning are estimated).
    public enum Agglomerations: RPCMethod {
        public static let name = "agglomerations"
        public typealias Params = MeasureParams

        public struct Result: Codable, Sendable, Equatable {
            public var agglomerations: [Entry]
            /// Always estimated: the zones are drawn around the core by straight-line distance.
            public var basis: CostBasis
            public var detourFactor: Double
            /// Settlements counted (inside `area` when one is given).
            public var settlementCount: Int
            /// Settlements of the dataset without a population: counted, never taken as 0.
            public var populationUnknown: Int

            public init(agglomerations: [Entry], basis: CostBasis, detourFactor: Double, settlementCount: Int, populationUnknown: Int) {
                self.agglomerations = agglomerations; self.basis = basis; self.detourFactor = detourFactor
                self.settlementCount = settlementCount; self.populationUnknown = populationUnknown
            }

            enum CodingKeys: String, CodingKey {
                case agglomerations, basis, detourFactor = "detour_factor", settlementCount = "settlement_count"
                case populationUnknown = "population_unknown"
            }

            public struct Entry: Codable, Sendable, Equatable {
                public var id: String
                public var name: String
                public var core: Coordinate
                /// The zones' outer radii, innermost first.
                public var zones: [Ring]
                /// One row per zone, innermost first, then one for settlements outside them all.
                public var summary: [ZoneCount]

                public init(id: String, name: String, core: Coordinate, zones: [Ring], summary: [ZoneCount]) {
                    self.id = id; self.name = name; self.core = core; self.zones = zones; self.summary = summary
                }
            }

            public struct Ring: Codable, Sendable, Equatable {
                public var name: String
                /// Outer radius in metres from the core.
                public var radius: Double

                public init(name: String, radius: Double) { self.name = name; self.radius = radius }
            }

            public struct ZoneCount: Codable, Sendable, Equatable {
                /// The zone, or absent for settlements outside all zones.
                public var zone: String?
                public var settlements: Int
                public var population: Double

                public init(zone: String?, settlements: Int, population: Double) {
                    self.zone = zone; self.settlements = settlements; self.population = population
                }
            }
        }
    }
}
