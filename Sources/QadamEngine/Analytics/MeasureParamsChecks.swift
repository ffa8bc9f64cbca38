import Foundation
import QadamMeasures
import QadamData
import QadamNetwork
import QadamContract

/// The service-gap methods' shared parameters (`MeasureParams` of the contract) as the
/// analytics read them: checked, with the catalogue's defaults applied.
extension MeasureParams {
    func requiredKind() throws(RPCError) -> FacilityKind {
        guard let kind else { throw RPCError.invalidParams(field: "kind", "is required") }
        return kind
    }

    func groups() -> [String] { (groupBy ?? []).map(\.rawValue) }

    func checkNumbers() throws(RPCError) {
        for (field, value) in [("max_m", maxM), ("max_min", maxMin), ("speed_kmh", speedKmh)] {
            if let value, !(value.isFinite && value > 0) { throw RPCError.invalidParams(field: field, "must be a positive number") }
        }
        if let d = detourFactor, !(d.isFinite && d >= 1) { throw RPCError.invalidParams(field: "detour_factor", "must be a number >= 1") }
        if maxM != nil && maxMin != nil { throw RPCError.invalidParams(field: "max_min", "give max_m or max_min, not both") }
    }

    /// The limit a query asked for, if it gave one.
    func explicitLimit() throws(RPCError) -> Limit? {
        try checkNumbers()
        let profile = self.profile ?? .walk
        if let m = maxM { return Limit(profile: profile, unit: .metres, cutoff: m, norm: nil) }
        if let t = maxMin { return Limit(profile: profile, unit: .seconds, cutoff: t * 60, norm: nil) }
        return nil
    }

    /// The explicit limit, else the catalogue's rule for the class holding most of the demand
    /// population (demand-layer points are urban).
    func limit(kind: String, demand: [DemandSite], norms: NormsCatalogue) throws(RPCError) -> Limit {
        if let explicit = try explicitLimit() { return explicit }
        var byClass: [String: Double] = [:]
        for s in demand { byClass[s.groups[GroupKey.settlementClass] ?? "", default: 0] += s.population }
        let order = NormVocabulary.settlementClasses
        let dominant = byClass.max { a, b in
            a.value != b.value ? a.value < b.value : (order.firstIndex(of: a.key) ?? 99) > (order.firstIndex(of: b.key) ?? 99)
        }?.key ?? SettlementClass.cityOblast.rawValue
        guard var limit = Limit.norm(norms, settlementClass: dominant, kind: kind) else {
            throw RPCError.invalidParams(field: "max_m",
                "is needed: the norms catalogue has no distance or time rule for \(kind) in class \(dominant); pass max_m or max_min")
        }
        if let profile { limit.profile = profile }
        return limit
    }

    func costSpec(_ limit: Limit) -> CostSpec {
        CostSpec(profile: limit.profile, speedKmh: speedKmh, unit: limit.unit, horizon: limit.cutoff,
                 detourFactor: detourFactor ?? CostSpec.defaultDetourFactor)
    }

    /// Demand restricted to the `area` district, if one is named.
    func restrict(_ sites: [DemandSite], inputs: AnalyticsInputs) throws(RPCError) -> (sites: [DemandSite], area: AreaRef?) {
        let (kept, area) = try restrictedIndices(sites, inputs: inputs)
        return (kept.map { sites[$0] }, area)
    }

    /// `restrict` as indices into `sites`.
    func restrictedIndices(_ sites: [DemandSite], inputs: AnalyticsInputs) throws(RPCError) -> (indices: [Int], area: AreaRef?) {
        guard let area else { return (Array(sites.indices), nil) }
        let d = try inputs.district(named: area)
        return (inputs.indices(of: sites, in: d), AreaRef(id: d.id, name: d.names.display, level: d.level))
    }
}

/// A travel limit and where it comes from.
struct Limit: Sendable {
    var profile: TravelProfile
    var unit: CostUnit
    var cutoff: Double
    /// Catalogue rule id; nil for an explicit limit.
    var norm: String?

    var source: LimitSource { norm == nil ? .explicit : .norm }

    /// The first rule for (class, kind) with a distance or time limit.
    static func norm(_ norms: NormsCatalogue, settlementClass: String, kind: String) -> Limit? {
        for rule in norms.rules(for: settlementClass, kind: kind) {
            guard let name = rule.profile, let profile = TravelProfile(rawValue: name) else { continue }
            if let m = rule.maxDistanceMetres { return Limit(profile: profile, unit: .metres, cutoff: m, norm: rule.id) }
            if let s = rule.maxTimeSeconds { return Limit(profile: profile, unit: .seconds, cutoff: s, norm: rule.id) }
        }
        return nil
    }
}

extension ResultParameters {
    /// How a query's numbers were made: the limit it measured against and the costs it used.
    init(kind: FacilityKind?, limit: Limit, costs: BuiltCosts, decay: CatchmentMethod? = nil) {
        self.init(kind: kind, profile: limit.profile, speedKmh: costs.speedKmh, unit: limit.unit, cutoff: limit.cutoff,
                  limitSource: limit.source, norm: limit.norm, basis: costs.basis, detourFactor: costs.detourFactor, decay: decay)
    }
}

extension AccessError: RPCErrorConvertible {
    public var rpcError: RPCError {
        switch self {
        case .invalidParameter(let name, _, _): .invalidParams(field: name, description)
        default: .invalidParams(field: "params", description)
        }
    }
}

extension Snapshot {
    /// The measures' inputs for this snapshot's dataset.
    var analytics: AnalyticsInputs {
        get throws(RPCError) {
            let content = try dataset
            return content.analytics.inputs(for: content)
        }
    }
}
