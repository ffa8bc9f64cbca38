import QadamGeo
import QadamContract

/// Gives every settlement its СРС class, flags, oblast and rayon, by the rules of
/// docs/classification.md, from the settlement points, the ADM1/ADM2 polygons and the authored
/// fact tables. Deterministic: the same inputs give the same records, whatever they held before
/// (class and flags are recomputed, not merged).
///
/// What needs a list the documents do not publish (support and satellite villages, rural-okrug
/// centres other than rayon seats) is not guessed: such villages stay `village_other`.
public struct SettlementClassifier: Sendable {
    public struct Options: Sendable {
        /// Statuses that took effect after this year are ignored (Тобыл 2020, Косшы 2021, Алатау 2024).
        public var asOfYear: Int?
        /// Cities below this population that are not oblast centres or monotowns are small towns
        /// (an ASSUMPTION: the documents give no definition).
        public var smallTownPopulationBelow: Int = 50_000
        /// A village this populous is reported as a small-town candidate: 10,000 is the size the
        /// law on administrative-territorial structure sets for a city of district significance
        /// (general knowledge, not in the documents).
        public var townSizedVillagePopulation: Int = 10_000
        /// A monotown fact matches a same-named settlement only within this distance (metres)
        /// of its approximate position.
        public var monotownMatchRadius: Double = 10_000
        /// The border districts formed in 2023 (ИЭИ 2024 L248).
        public var borderDistricts: [String] = ["Үлкен Нарын", "Марқакөл", "Мақаншы"]

        public init(asOfYear: Int? = nil) { self.asOfYear = asOfYear }
    }

    public let facts: SettlementFacts
    public let options: Options

    public init(facts: SettlementFacts, options: Options = Options()) {
        self.facts = facts; self.options = options
    }

    /// Classifies `settlements` (order kept). `districts` may be empty (GeoNames-only builds):
    /// then oblast and rayon ids stay as imported and no seat can be derived from polygons.
    public func classify(settlements input: [Settlement], districts: [District]) -> SettlementClassification {
        var notes: [ClassificationNote] = []
        var settlements = input
        let oblasts = districts.filter { $0.level == .oblast }
        let rayons = districts.filter { $0.level == .rayon }
        locate(&settlements, oblasts: oblasts, rayons: rayons)
        let places = PlaceLookup(settlements)

        // Facts first: they rest on documents.
        var classBy: [Int: (SettlementClass, String)] = [:]
        var oblastCentres = Set<Int>()
        for fact in facts.cities where options.asOfYear.map({ fact.statusSince ?? 0 <= $0 }) ?? true {
            let oblast = Self.oblastID(region: fact.region, kato: fact.kato, oblasts: oblasts)
            guard let i = places.best(named: fact.names, inOblast: oblast) else {
                notes.append(.init(reason: .factNotMatched, detail: "cities_status.csv: \(fact.names.ru ?? "?") (\(fact.region)) has no settlement of that name"))
                continue
            }
            classBy[i] = (fact.status, fact.isOblastCentre ? ClassBasis.oblastCentre : ClassBasis.citiesStatus)
            if fact.isOblastCentre { oblastCentres.insert(i) }
        }

        // Seats of ADM2 units: city administrations by КАТО, rayons by population.
        var seatOf: [Int: String] = [:]
        let byRayon = Dictionary(grouping: settlements.indices, by: { settlements[$0].districtID ?? "" })
        for rayon in rayons {
            let members = byRayon[rayon.id] ?? []
            let isCity = Self.isCityAdministration(kato: rayon.kato)
            let rayonKeys = PlaceNameKey.keys(of: rayon.names)
            let named = members.filter { !PlaceNameKey.keys(of: settlements[$0].names).isDisjoint(with: rayonKeys) }
            // Most rayons are named after their seat (Осакаровский → Осакаровка, Күршім → Күршім).
            let namesake = members.filter { i in places.rank(i) >= 2 && PlaceNameKey.keys(of: settlements[i].names).contains { Self.namesRayon($0, rayonKeys) } }
            let candidates = isCity ? (named.isEmpty ? members.filter { places.rank($0) >= 3 } : named)
                : !namesake.isEmpty ? namesake : members.filter { places.rank($0) >= 2 && settlements[$0].population != nil }
            guard let seat = places.best(of: candidates) else {
                if Self.isRepublicanCityDistrict(kato: rayon.kato) { continue }
                notes.append(.init(reason: .rayonWithoutSeat,
                                   detail: "\(rayon.names.display ?? rayon.id) (\(rayon.id)): no \(isCity ? "town" : "settlement with a known population") inside to take as its seat"))
                continue
            }
            seatOf[seat] = rayon.id
            if isCity, classBy[seat] == nil { classBy[seat] = (.cityOblast, ClassBasis.katoCityAdministration) }
        }

        let monotowns = matchMonotowns(places, notes: &notes)
        let smallTowns = documentedSmallTowns(places, oblasts: oblasts, notes: &notes)
        let borderRayons = Set(rayons.filter { r in options.borderDistricts.contains { PlaceNameKey.keys(of: r.names).contains(PlaceNameKey($0)) } }.map(\.id))

        for i in settlements.indices {
            var s = settlements[i]
            // Boundary exports reach across the border (Uzbek, Kyrgyz, Chinese places): outside
            // every oblast polygon means outside the country, so no СРС class applies.
            let abroad = !oblasts.isEmpty && s.oblastID == nil
            let (cls, basis) = abroad ? (nil, nil) : classBy[i] ?? defaultClass(s, isSeat: seatOf[i] != nil)
            s.settlementClass = cls
            s.classBasis = basis
            s.seatOf = seatOf[i]
            var flags = SettlementFlags()
            var flagBasis: [String: String] = [:]
            if monotowns[i] != nil { flags.monotown = true; flagBasis["monotown"] = FlagBasis.monotownList }
            if smallTowns.contains(i) {
                flags.smallTown = true; flagBasis["small_town"] = FlagBasis.documentedSmallTown
            } else if cls == .cityOblast || cls == .cityDistrict, !oblastCentres.contains(i), !flags.monotown,
                      let p = s.population, p < options.smallTownPopulationBelow {
                flags.smallTown = true; flagBasis["small_town"] = FlagBasis.smallTownPopulation
            }
            if let d = s.districtID, borderRayons.contains(d) { flags.border = true; flagBasis["border"] = FlagBasis.borderDistricts }
            s.flags = flags
            s.flagBasis = flagBasis.isEmpty ? nil : flagBasis
            if abroad {
                notes.append(.init(reason: .outsideDistricts, settlement: s, detail: "outside every oblast polygon (across the national border as the boundaries draw it); left unclassified"))
            } else if cls == nil {
                notes.append(.init(reason: .noPlaceType, settlement: s, detail: "no OSM place type, no class in the source and no fact-table match"))
            } else if cls == .ruralOkrugCentre || cls == .villageOther, let p = s.population, p >= options.townSizedVillagePopulation {
                notes.append(.init(reason: .townSizedVillage, settlement: s,
                                   detail: "a village of \(p) people: at least \(options.townSizedVillagePopulation), the size of a city of district significance; a small-town candidate, kept as \(cls!.rawValue) until an official list says otherwise"))
            }
            settlements[i] = s
        }
        return SettlementClassification(settlements: settlements, notes: notes)
    }

    // MARK: Steps

    /// Fills oblast and rayon ids from the polygons (a point on a shared edge takes the first).
    private func locate(_ settlements: inout [Settlement], oblasts: [District], rayons: [District]) {
        guard !oblasts.isEmpty || !rayons.isEmpty else { return }
        let oblastIndex = AreaIndex(oblasts.map { ($0.polygon, $0.id) })
        let rayonIndex = AreaIndex(rayons.map { ($0.polygon, $0.id) })
        for i in settlements.indices {
            let p = settlements[i].point
            if !oblasts.isEmpty { settlements[i].oblastID = oblastIndex.covering(p).first }
            if !rayons.isEmpty { settlements[i].districtID = rayonIndex.covering(p).first }
        }
    }

    /// Class by the settlement's own attributes when no fact or seat rule applies.
    private func defaultClass(_ s: Settlement, isSeat: Bool) -> (SettlementClass?, String?) {
        switch s.placeType {
        case "city", "town": return (.cityDistrict, ClassBasis.osmPlaceTown)
        case .some where isSeat: return (.ruralOkrugCentre, ClassBasis.districtCentre)
        case .some: return (.villageOther, ClassBasis.noVillageList)
        case nil:
            if let given = s.settlementClass { return (given, ClassBasis.source) }
            return isSeat ? (.ruralOkrugCentre, ClassBasis.districtCentre) : (nil, nil)
        }
    }

    /// Monotown facts matched by name within the radius of their approximate point; nearest wins.
    private func matchMonotowns(_ places: PlaceLookup, notes: inout [ClassificationNote]) -> [Int: MonotownFact] {
        var matched: [Int: MonotownFact] = [:]
        for fact in facts.monotowns {
            let near = places.named(fact.names).map { ($0, Geodesic.distance(fact.approximatePoint, places.settlements[$0].point)) }
                .filter { $0.1 <= options.monotownMatchRadius }
            guard let (i, _) = near.min(by: { $0.1 != $1.1 ? $0.1 < $1.1 : $0.0 < $1.0 }) else {
                notes.append(.init(reason: .factNotMatched,
                                   detail: "monotowns.csv: \(fact.names.ru ?? "?") has no settlement of that name within \(Int(options.monotownMatchRadius / 1000)) km of (\(fact.approximatePoint.lon), \(fact.approximatePoint.lat))"))
                continue
            }
            matched[i] = fact
        }
        return matched
    }

    private func documentedSmallTowns(_ places: PlaceLookup, oblasts: [District], notes: inout [ClassificationNote]) -> Set<Int> {
        var found = Set<Int>()
        for town in facts.documentedSmallTowns {
            let oblast = Self.oblastID(region: town.region, kato: nil, oblasts: oblasts)
            if let i = places.best(named: PlaceNames(ru: town.name), inOblast: oblast) { found.insert(i) } else {
                notes.append(.init(reason: .factNotMatched, detail: "small town \(town.name) (\(town.region)) has no settlement of that name"))
            }
        }
        return found
    }

    /// A settlement name that the rayon's name is formed from: equal, or sharing all but its
    /// last two letters (at least five) with a rayon name form (Бородулиха ~ Бородулихинский).
    static func namesRayon(_ name: PlaceNameKey, _ rayonKeys: Set<PlaceNameKey>) -> Bool {
        let n = Array(name.folded)
        return rayonKeys.contains { r in
            let common = zip(n, r.folded).prefix { $0 == $1 }.count
            return r == name || (common >= 5 && common >= n.count - 2)
        }
    }

    // MARK: Administrative codes

    /// An ADM2 unit is a city administration (г.а.) when КАТО positions 3–4 are below 30, except
    /// the districts of the three republican cities (ADM1 71, 75, 79), Жанасемейский район
    /// (101010000, a rayon) and Байконыр (431900000, leased; left out of the status table on purpose).
    public static func isCityAdministration(kato: String?) -> Bool {
        guard let kato, kato.count == 9, let pos34 = Int(kato.dropFirst(2).prefix(2)) else { return false }
        return pos34 < 30 && !isRepublicanCityDistrict(kato: kato) && kato != "101010000" && kato != "431900000"
    }

    static func isRepublicanCityDistrict(kato: String?) -> Bool {
        guard let kato else { return false }
        return ["71", "75", "79"].contains(String(kato.prefix(2)))
    }

    /// The ADM1 unit of a fact-table region: by the КАТО's first two digits when given, else by
    /// the folded name ("Жетісу" → Жетысуская, "Ұлытау" → Улытауская). Nil when none or several fit.
    public static func oblastID(region: String, kato: String?, oblasts: [District]) -> String? {
        if let kato, kato.count >= 2 {
            let hits = oblasts.filter { $0.kato?.prefix(2) == kato.prefix(2) }
            if hits.count == 1 { return hits[0].id }
        }
        let key = PlaceNameKey(region.replacingOccurrences(of: "г. ", with: "")).folded
        let hits = oblasts.filter { o in PlaceNameKey.keys(of: o.names).contains { $0.folded.hasPrefix(key) } }
        return hits.count == 1 ? hits[0].id : nil
    }
}

/// Settlements by folded name, with the preference the rules use among namesakes:
/// city > town > village > hamlet > other, then larger population, then smaller id.
struct PlaceLookup {
    let settlements: [Settlement]
    private let byName: [PlaceNameKey: [Int]]

    init(_ settlements: [Settlement]) {
        self.settlements = settlements
        var byName: [PlaceNameKey: [Int]] = [:]
        for (i, s) in settlements.enumerated() { for key in PlaceNameKey.keys(of: s.names) { byName[key, default: []].append(i) } }
        self.byName = byName
    }

    func rank(_ i: Int) -> Int {
        switch settlements[i].placeType {
        case "city": return 4
        case "town": return 3
        case "village": return 2
        case "hamlet": return 1
        default: return 0
        }
    }

    func named(_ names: PlaceNames) -> [Int] {
        Array(Set(PlaceNameKey.keys(of: names).flatMap { byName[$0] ?? [] })).sorted()
    }

    /// The preferred namesake; inside `oblast` when it is known and settlements carry oblasts.
    func best(named names: PlaceNames, inOblast oblast: String?) -> Int? {
        best(of: named(names).filter { oblast == nil || settlements[$0].oblastID == nil || settlements[$0].oblastID == oblast })
    }

    func best(of candidates: [Int]) -> Int? {
        candidates.max { a, b in
            if rank(a) != rank(b) { return rank(a) < rank(b) }
            let pa = settlements[a].population ?? -1, pb = settlements[b].population ?? -1
            if pa != pb { return pa < pb }
            return settlements[a].id > settlements[b].id
        }
    }
}

/// The `class_basis` values the classifier writes.
public enum ClassBasis {
    public static let citiesStatus = "cities_status"
    /// A `cities_status.csv` row with role `oblast_centre`.
    public static let oblastCentre = "cities_status_oblast_centre"
    public static let katoCityAdministration = "kato_city_administration"
    public static let osmPlaceTown = "osm_place_town"
    public static let districtCentre = "district_centre_assumed_okrug_centre"
    /// A village with no support/satellite/okrug-centre list to place it higher.
    public static let noVillageList = "village_no_list"
    /// The class came with the imported file.
    public static let source = "source"
}

/// The `flag_basis` values the classifier writes.
public enum FlagBasis {
    public static let monotownList = "monotowns_2023_248"
    public static let documentedSmallTown = "small_towns_list_2023"
    public static let smallTownPopulation = "assumption_population_below_threshold"
    public static let borderDistricts = "border_districts_2023"
}

/// Something a planner should look at: a settlement whose class could not be decided or may be
/// wrong, or a fact-table row that matched nothing.
public struct ClassificationNote: Codable, Sendable, Equatable {
    public enum Reason: String, Codable, Sendable {
        case noPlaceType = "no_place_type"
        case townSizedVillage = "village_at_town_size"
        case factNotMatched = "fact_not_matched"
        case outsideDistricts = "outside_districts"
        case rayonWithoutSeat = "rayon_without_seat"
    }

    public var reason: Reason
    public var settlementID: String?
    public var name: String?
    public var population: Int?
    public var detail: String

    init(reason: Reason, settlement: Settlement? = nil, detail: String) {
        self.reason = reason; self.settlementID = settlement?.id; self.name = settlement?.names.display
        self.population = settlement?.population; self.detail = detail
    }

    enum CodingKeys: String, CodingKey { case reason, settlementID = "settlement_id", name, population, detail }
}

/// The classifier's answer: the settlements, rewritten, and what to review.
public struct SettlementClassification: Sendable {
    public var settlements: [Settlement]
    public var notes: [ClassificationNote]

    /// Settlements per (class, basis), sorted by class order then basis; class nil = undecided.
    public var counts: [(settlementClass: SettlementClass?, basis: String?, count: Int)] {
        let order = Dictionary(uniqueKeysWithValues: SettlementClass.allCases.enumerated().map { ($1, $0) })
        struct Key: Hashable { var c: SettlementClass?; var b: String? }
        return Dictionary(grouping: settlements, by: { Key(c: $0.settlementClass, b: $0.classBasis) })
            .map { (settlementClass: $0.key.c, basis: $0.key.b, count: $0.value.count) }
            .sorted { a, b in
                let oa = a.settlementClass.flatMap { order[$0] } ?? 99, ob = b.settlementClass.flatMap { order[$0] } ?? 99
                return oa != ob ? oa < ob : (a.basis ?? "") < (b.basis ?? "")
            }
    }
}
