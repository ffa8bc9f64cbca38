/// Which tier of the administrative division a district belongs to.
public enum DistrictLevel: String, ClosedVocabulary {
    /// ADM1: an oblast or a city of republican significance.
    case oblast
    /// ADM2: a rayon or a city administration (G.A.).
    case rayon
    /// A district inside a city, e.g. Almaty's eight.
    case cityDistrict = "city_district"

    public static let wordName = "a district level"
}

extension RPC {
    /// `districts`: what a report's map draws for an area: the districts one level below it,
    /// with simplified outlines, and the facilities inside it (see docs/protocol.md).
    public enum Districts: RPCMethod {
        public static let name = "districts"

        public struct Params: Codable, Sendable, Equatable {
            /// A district id or name; absent: the dataset's top level.
            public var area: String?
            /// Instead of an area: just these districts' outlines, any level, no facilities.
            public var ids: [String]?
            /// Outline simplification in degrees (absent: 0.001, about 100 m; 0: as stored).
            public var toleranceDeg: Double?
            /// The demand layer's points inside the area.
            public var includeDemand: Bool?

            public init(area: String? = nil, ids: [String]? = nil, toleranceDeg: Double? = nil, includeDemand: Bool? = nil) {
                self.area = area; self.ids = ids; self.toleranceDeg = toleranceDeg; self.includeDemand = includeDemand
            }

            enum CodingKeys: String, CodingKey {
                case area, ids, toleranceDeg = "tolerance_deg", includeDemand = "include_demand"
            }
        }

        public struct Result: Codable, Sendable, Equatable {
            /// The area asked for (absent without one, and for `ids`).
            public var area: Area?
            /// The level of the districts shown.
            public var level: DistrictLevel?
            public var districts: [Shape]
            public var facilities: [FacilityPoint]
            /// With `include_demand`.
            public var demand: [DemandPoint]?

            public init(area: Area?, level: DistrictLevel?, districts: [Shape], facilities: [FacilityPoint], demand: [DemandPoint]?) {
                self.area = area; self.level = level; self.districts = districts; self.facilities = facilities; self.demand = demand
            }

            public struct Area: Codable, Sendable, Equatable {
                public var id: String
                public var name: String?
                public var level: DistrictLevel
                public init(id: String, name: String?, level: DistrictLevel) { self.id = id; self.name = name; self.level = level }
            }

            public struct Shape: Codable, Sendable, Equatable {
                public var id: String
                public var name: String?
                public var level: DistrictLevel
                /// Per polygon its rings (ring 0 the shell), each a list of points.
                public var polygons: [[[Coordinate]]]
                public init(id: String, name: String?, level: DistrictLevel, polygons: [[[Coordinate]]]) {
                    self.id = id; self.name = name; self.level = level; self.polygons = polygons
                }
            }

            public struct FacilityPoint: Codable, Sendable, Equatable {
                public var id: String
                public var kind: FacilityKind
                public var name: String?
                public var at: Coordinate
                public init(id: String, kind: FacilityKind, name: String?, at: Coordinate) {
                    self.id = id; self.kind = kind; self.name = name; self.at = at
                }
            }

            public struct DemandPoint: Codable, Sendable, Equatable {
                public var id: String
                public var at: Coordinate
                public var population: Double
                public init(id: String, at: Coordinate, population: Double) { self.id = id; self.at = at; self.population = population }
            }
        }
    }
}
