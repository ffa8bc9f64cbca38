import QadamContract

/// One norm a settlement class must meet: a facility of `kind` within `maxCost`.
public struct ProvisionRequirement: Codable, Sendable, Hashable {
    public var kind: String
    /// In the unit of the kind's cost source (metres walking, seconds driving...).
    public var maxCost: Double
    /// Id of the norm in the catalogue.
    public var norm: String?

    public init(kind: String, maxCost: Double, norm: String? = nil) {
        self.kind = kind
        self.maxCost = maxCost
        self.norm = norm
    }
}

/// Where facilities of one kind are and what it costs to reach them from each settlement.
public struct ServiceReach: Sendable {
    public var kind: String
    public var supply: [SupplySite]
    public var costs: any TravelCosts

    public init(kind: String, supply: [SupplySite], costs: any TravelCosts) {
        self.kind = kind
        self.supply = supply
        self.costs = costs
    }
}

public struct ProvisionResult: Codable, Sendable, Equatable {
    public var parameters: MeasureParameters
    public var classKey: String
    public var settlements: [SettlementProvision]
    public var groups: [ProvisionGroup]
    /// All settlements together (key "all", value "all").
    public var overall: ProvisionGroup
}

/// СРС-style provision (обеспеченность): the share of a settlement's required services that
/// are within their norm.
public enum Provision {
    /// - Parameters:
    ///   - classKey: group key holding each settlement's class; each settlement must carry it.
    ///   - requirements: per class, the required kinds and their maximum costs; a class absent
    ///     here has no requirements (share nil).
    ///   - services: one cost source per facility kind; all its `costs` rows index `settlements`.
    public static func measure(settlements: [DemandSite], classKey: String = GroupKey.settlementClass,
                               requirements: [String: [ProvisionRequirement]], services: [ServiceReach],
                               groupBy: [String] = [], norm: String? = nil) throws -> ProvisionResult {
        try InputCheck.demand(settlements)
        var byKind: [String: ServiceReach] = [:]
        for s in services {
            try InputCheck.sites(settlements, s.supply, s.costs)
            byKind[s.kind] = s
        }
        for reqs in requirements.values {
            for r in reqs {
                guard byKind[r.kind] != nil else { throw AccessError.missingService(kind: r.kind) }
                try InputCheck.cutoff(r.maxCost, name: "maxCost of \(r.kind)")
            }
        }
        let rows = try settlements.enumerated().map { i, site -> SettlementProvision in
            guard let cls = site.groups[classKey] else {
                throw AccessError.missingGroup(site: "settlement", index: i, id: site.id, key: classKey)
            }
            guard let settlementClass = SettlementClass(rawValue: cls) else {
                throw AccessError.invalidParameter(name: "\(classKey) of settlement \(site.id)", value: cls,
                                                   reason: SettlementClass.refusal(of: cls))
            }
            let checks = (requirements[cls] ?? []).map { r in
                check(r, service: byKind[r.kind]!, nearest: byKind[r.kind]!.costs.nearest(from: i))
            }
            return settlementRow(index: i, site: site, settlementClass: settlementClass, checks: checks)
        }
        return try result(settlements: settlements, rows: rows, classKey: classKey, groupBy: groupBy,
                          parameters: MeasureParameters(method: .provision, norm: norm))
    }

    static func check(_ r: ProvisionRequirement, service: ServiceReach, nearest: ReachableSupply?) -> ProvisionCheck {
        ProvisionCheck(kind: r.kind, norm: r.norm, maxCost: r.maxCost, unit: service.costs.unit,
                       met: nearest.map { $0.cost <= r.maxCost } ?? false,
                       nearestFacilityId: nearest.map { service.supply[$0.supply].id }, nearestCost: nearest?.cost)
    }

    static func settlementRow(index: Int, site: DemandSite, settlementClass: SettlementClass, checks: [ProvisionCheck]) -> SettlementProvision {
        let met = checks.filter(\.met).count
        return SettlementProvision(index: index, id: site.id, name: site.name, settlementClass: settlementClass,
                                   population: site.population, checks: checks, required: checks.count, met: met,
                                   share: checks.isEmpty ? nil : Double(met) / Double(checks.count))
    }

    /// Assembles a result (roll-ups and overall) from settlement rows; public so that rows
    /// measured in parts (per settlement class, each with its own travel profile) can be joined.
    public static func result(settlements: [DemandSite], rows: [SettlementProvision], classKey: String,
                       groupBy: [String], parameters: MeasureParameters) throws -> ProvisionResult {
        var groups: [ProvisionGroup] = []
        for key in groupBy {
            for (value, indices) in try GroupRollup.partition(settlements, key: key) {
                groups.append(rollUp(indices.map { rows[$0] }, key: key, value: value))
            }
        }
        return ProvisionResult(parameters: parameters, classKey: classKey, settlements: rows, groups: groups,
                               overall: rollUp(rows, key: "all", value: "all"))
    }

    static func rollUp(_ rows: [SettlementProvision], key: String, value: String) -> ProvisionGroup {
        let scored = rows.filter { $0.share != nil }
        let population = scored.reduce(0) { $0 + $1.population }
        return ProvisionGroup(
            key: key, value: value, settlements: scored.count, population: population,
            required: scored.reduce(0) { $0 + $1.required }, met: scored.reduce(0) { $0 + $1.met },
            countWeightedShare: share(scored.reduce(0) { $0 + $1.share! }, of: Double(scored.count)),
            populationWeightedShare: share(scored.reduce(0) { $0 + $1.share! * $1.population }, of: population))
    }
}
