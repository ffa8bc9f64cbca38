/// What a name may stand for in `resolve`.
public enum PlaceKind: String, ClosedVocabulary {
    case settlement, district
    public static let wordName = "a place kind"
}

extension RPC {
    /// `resolve`: the settlement or district a name stands for, in any of its spellings
    /// (Kazakh, Russian, Latin; any case), or the places it could mean.
    public enum Resolve: RPCMethod {
        public static let name = "resolve"

        public struct Params: Codable, Sendable, Equatable {
            public var name: String
            /// Absent: settlements and districts.
            public var kind: PlaceKind?

            public init(name: String, kind: PlaceKind? = nil) { self.name = name; self.kind = kind }
        }

        public enum Match: String, Codable, Sendable, CaseIterable {
            case found, ambiguous
            case notFound = "not_found"
        }

        public struct Result: Codable, Sendable, Equatable {
            public var match: Match
            /// The place, when `found`.
            public var place: Place?
            /// Every place the name may mean (ambiguous), or the closest spellings (not found).
            public var candidates: [Place]

            public init(match: Match, place: Place?, candidates: [Place]) {
                self.match = match; self.place = place; self.candidates = candidates
            }
        }

        /// One place a name can stand for.
        public struct Place: Codable, Sendable, Equatable {
            public var id: String
            public var name: String
            public var kind: PlaceKind
            /// `city`, `town`, `village`, ... for settlements; `oblast`, `rayon`, `city_district`.
            public var detail: String?
            /// The settlement point, or a point inside the district.
            public var point: Coordinate
            public var population: Int?

            public init(id: String, name: String, kind: PlaceKind, detail: String?, point: Coordinate, population: Int?) {
                self.id = id; self.name = name; self.kind = kind; self.detail = detail; self.point = point; self.population = population
            }
        }
    }
}
