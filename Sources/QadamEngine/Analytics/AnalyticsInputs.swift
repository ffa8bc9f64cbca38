import Foundation
import Synchronization
import QadamMeasures
import QadamData
import QadamGeo
import QadamContract

/// The dataset's layers turned into the measures' inputs once per snapshot: demand sites with
/// their roll-up groups, settlements for provision, and facilities by kind.
public final class AnalyticsInputs: Sendable {
    /// School-age share used where a demand point has none: 27.4 %, the share of Almaty's
    /// population aged 0–15 on 1 January 2023 (Almaty VLR 2023, age-structure table, L618-623).
    /// 0–15 is wider than school age (6–17) at the young end and narrower at the old end; it is
    /// the closest published age band.
    public static let defaultSchoolAgeShare = 0.274
    public static let defaultSchoolAgeShareSource = "Almaty VLR 2023, population aged 0-15 on 1.1.2023 (27.4 %)"

    public let demandSource: DemandSource
    /// Where the settlements' populations come from: recorded, or with a district spread.
    public let settlementSource: DemandSource
    /// Demand sites, `weight` = 1 (weights are set per kind by `demand(forKind:)`).
    public let demand: [DemandSite]
    /// Per demand site, its own school-age share, if the layer gave one.
    public let schoolAgeShare: [Double?]
    /// Settlements as sites, with their class in `groups["class"]` (see `settlementClass`).
    public let settlements: [DemandSite]
    /// How each settlement's class was decided: `dataset` or `osm_place` (assumption).
    public let settlementClassBasis: [String]
    public let facilities: [Facility]
    /// Names for roll-up groups (district ids to names).
    let groupNames: GroupNames
    /// Districts as areas for `area` filters, most specific level first.
    let districts: [District]
    private let districtIndex: AreaIndex<District>
    /// Names of places, for `area` parameters.
    private let places: PlaceDirectory
    /// Per agglomeration id, the zone of each of `settlements`: zoned once per snapshot, so
    /// `agglomerations` only counts (or the reason they could not be zoned).
    let agglomerationZones: [String: Result<AgglomerationSettlementZones, any Error>]

    init(content: DatasetContent) {
        places = content.places
        groupNames = GroupNames(content: content)
        districts = content.districts.sorted { Self.rank($0.level) < Self.rank($1.level) }
        let districtIndex = AreaIndex(content.districts.map { ($0.polygon, $0) })
        self.districtIndex = districtIndex
        facilities = content.facilities
        let polycentres = AreaIndex(content.polycentres.compactMap { p in p.polygon.map { ($0, p) } })
        let agglomerations = content.agglomerations
        func groups(at point: Coordinate, districtID: String?, oblastID: String?, settlementClass: String) -> [String: String] {
            let covering = districtIndex.covering(point).sorted { Self.rank($0.level) < Self.rank($1.level) }
            var g: [String: String] = [GroupKey.settlementClass: settlementClass,
                                       GroupKey.urbanRural: settlementClass.hasPrefix("city_") ? "urban" : "rural"]
            g[GroupKey.district] = districtID ?? covering.first { $0.level != .oblast }?.id ?? covering.first?.id ?? "none"
            g[GroupKey.oblast] = oblastID ?? covering.first { $0.level == .oblast }?.id ?? "none"
            g[GroupKey.polycentre] = polycentres.covering(point).first?.id ?? "none"
            let zone = agglomerations.compactMap { $0.zone(of: point) }.min { $0.distance < $1.distance }
            g[GroupKey.agglomerationZone] = zone?.zone.rawValue ?? "outside"
            return g
        }
        var classBasis: [String] = []
        let spread = Self.spreadDistrictTotals(content.settlements, districts: content.districts, index: districtIndex)
        let settlements = content.settlements.enumerated().map { i, s in
            let (cls, basis) = Self.settlementClass(s)
            classBasis.append(basis)
            return DemandSite(id: s.id, name: s.names.display, population: spread.population[i],
                              groups: groups(at: s.point, districtID: s.districtID, oblastID: s.oblastID, settlementClass: cls),
                              location: s.point)
        }
        self.settlements = settlements
        settlementClassBasis = classBasis
        agglomerationZones = Dictionary(agglomerations.map { a in
            (a.id, Result { try AgglomerationSettlementZones(agglomeration: a, settlements: settlements) })
        }, uniquingKeysWith: { first, _ in first })
        settlementSource = spread.spreadCount > 0 ? .settlementsWithDistrictSpread : .settlements
        if content.demand.isEmpty {
            demandSource = settlementSource
            demand = settlements
            schoolAgeShare = Array(repeating: nil, count: settlements.count)
        } else {
            // Demand points are homes in a city: they take the urban norms. The layer stands for
            // all demand (settlements are not added to it), so questions about the places it
            // covers name their area (`area`); provision still reads the settlements.
            demandSource = .demandLayer
            demand = content.demand.map { d in
                DemandSite(id: d.id, population: d.population,
                           groups: groups(at: d.point, districtID: d.districtID, oblastID: nil, settlementClass: "city_oblast"),
                           location: d.point)
            }
            schoolAgeShare = content.demand.map(\.schoolAgeShare)
        }
    }

    /// Settlement populations for demand, with a dasymetric spread where only totals exist: a
    /// district whose population is known (the most specific such district covering a
    /// settlement) gives what its settlements' recorded populations leave of its total, in equal
    /// shares, to its settlements that have no recorded population. Recorded populations are
    /// never changed. Equal shares are the plainest assumption when nothing distinguishes the
    /// settlements; results say a spread was used (`demand_source`).
    static func spreadDistrictTotals(_ settlements: [Settlement], districts: [District], index: AreaIndex<District>)
        -> (population: [Double], spreadCount: Int) {
        var population = settlements.map { Double($0.population ?? 0) }
        guard districts.contains(where: { $0.population != nil }) else { return (population, 0) }
        let covering: [[District]] = settlements.map { s in index.covering(s.point).filter { $0.population != nil } }
        // Each settlement without a population belongs to its most specific covering district
        // with a known total; those districts are filled most specific first, so a parent
        // counts what its sub-districts already gave out.
        var owned: [String: [Int]] = [:]
        for (i, s) in settlements.enumerated() where s.population == nil {
            if let d = covering[i].min(by: { rank($0.level) < rank($1.level) }) { owned[d.id, default: []].append(i) }
        }
        var spreadCount = 0
        for d in districts.sorted(by: { rank($0.level) < rank($1.level) }) {
            guard let total = d.population, let unknown = owned[d.id], !unknown.isEmpty else { continue }
            let mine = Set(unknown)
            let known = settlements.indices.filter { i in !mine.contains(i) && covering[i].contains { $0.id == d.id } }
                .reduce(0.0) { $0 + population[$1] }
            let share = max(0, Double(total) - known) / Double(unknown.count)
            guard share > 0 else { continue }
            for i in unknown { population[i] = share }
            spreadCount += unknown.count
        }
        return (population, spreadCount)
    }

    /// The class a settlement's norms follow: the dataset's, else from its OSM place
    /// (city/town → city_district, anything else → village_other; docs/classification.md
    /// rules 3 and 7 without the lists).
    static func settlementClass(_ s: Settlement) -> (String, String) {
        if let c = s.settlementClass { return (c.rawValue, "dataset") }
        switch s.placeType {
        case "city", "town": return (SettlementClass.cityDistrict.rawValue, "osm_place")
        default: return (SettlementClass.villageOther.rawValue, "osm_place")
        }
    }

    /// The class a settlement's `class` group names: always one of the СРС classes, as
    /// `settlementClass(_:)` assigns them; anything else is a defect, not bad input.
    static func settlementClass(word: String) throws(RPCError) -> SettlementClass {
        guard let settlementClass = SettlementClass(rawValue: word) else {
            throw RPCError.internalError("settlement class '\(word)' is not one of the СРС classes")
        }
        return settlementClass
    }

    private static func rank(_ level: DistrictLevel) -> Int {
        switch level { case .cityDistrict: 0; case .rayon: 1; case .oblast: 2 }
    }

    /// Demand weighted for a facility kind: school-age share for schools (the point's own,
    /// else the default), everyone for other kinds.
    public func demand(forKind kind: String) -> (sites: [DemandSite], weighting: DemandWeighting) {
        guard kind == FacilityKind.school.rawValue else {
            return (demand, DemandWeighting(weight: .population, defaultShare: nil, defaultShareSource: nil, pointsWithOwnShare: 0))
        }
        var own = 0
        let sites = demand.indices.map { i -> DemandSite in
            var s = demand[i]
            if let share = schoolAgeShare[i] { own += 1; s.weight = share } else { s.weight = Self.defaultSchoolAgeShare }
            return s
        }
        let usesDefault = own < demand.count
        return (sites, DemandWeighting(weight: .schoolAgeShare, defaultShare: usesDefault ? Self.defaultSchoolAgeShare : nil,
                                       defaultShareSource: usesDefault ? Self.defaultSchoolAgeShareSource : nil,
                                       pointsWithOwnShare: own))
    }

    /// Facilities of one kind, split by what is known of their capacity (see `KindSupply`).
    func supply(ofKind kind: String, assumed: (value: Double, source: String)? = nil) -> KindSupply {
        KindSupply(facilities: facilities, kind: kind, assumed: assumed) { self.districtID(at: $0.point) }
    }

    /// The most specific district (city district, else rayon, else oblast) covering a point.
    func districtID(at point: Coordinate) -> String {
        let covering = districtIndex.covering(point).sorted { Self.rank($0.level) < Self.rank($1.level) }
        return covering.first { $0.level != .oblast }?.id ?? covering.first?.id ?? "none"
    }

    /// The district an `area` parameter names: by id, else by any spelling of its names
    /// (`PlaceDirectory`); an unknown or ambiguous name is a -32602 error saying what it could mean.
    func district(named area: String) throws(RPCError) -> District {
        let place = try places.place(area, kinds: [.district], field: "area")
        guard let district = districts.first(where: { $0.id == place.id }) else {
            throw RPCError.internalError("district \(place.id) found by name but not among the dataset's districts")
        }
        return district
    }

    /// Indices of `sites` inside a district's polygon.
    func indices(of sites: [DemandSite], in district: District) -> [Int] {
        indices(of: sites.map(\.location), in: district)
    }

    /// Indices of the located points inside a district's polygon.
    func indices(of locations: [Coordinate?], in district: District) -> [Int] {
        let area = AreaIndex([(district.polygon, district.id)])
        return locations.indices.filter { locations[$0].map { !area.covering($0).isEmpty } ?? false }
    }
}

/// Built on first use per snapshot and then shared by every query on it.
public final class AnalyticsCache: Sendable {
    private let inputs = Mutex<AnalyticsInputs?>(nil)

    public init() {}

    func inputs(for content: DatasetContent) -> AnalyticsInputs {
        inputs.withLock { inputs in
            if let inputs { return inputs }
            let built = AnalyticsInputs(content: content)
            inputs = built
            return built
        }
    }
}
