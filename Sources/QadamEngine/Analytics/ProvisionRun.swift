import QadamMeasures
import QadamData
import QadamContract

/// Provision of the dataset's settlements, shared by `provision` and `gaps`. Settlements are
/// measured class by class, because each class has its own norms and travel profile (walk
/// metres in cities, drive minutes in villages); the rows are then joined for the roll-ups.
struct ProvisionRun {
    let result: ProvisionResult
    let area: AreaRef?
    /// Every (class, kind) pair measured, with the limit and basis used.
    let checks: [ProvisionCheckSpec]
    /// Required kinds no rule gives a distance or time for (not checked).
    let unchecked: [UncheckedKind]
    let unplaced: [UnplacedSite]
    /// How many settlements had their class from the OSM place type rather than the dataset.
    let classFromPlace: Int
    let populationUnknown: Int
    /// `settlements`, or `settlements_district_spread` when district totals filled gaps.
    let populationSource: DemandSource

    init(_ query: MeasureParams, snapshot: Snapshot, groupBy: [String]) throws {
        let content = try snapshot.dataset
        let inputs = try snapshot.analytics
        let onlyKind = query.kind?.rawValue
        let explicit = try query.explicitLimit()
        let all = inputs.settlements
        populationSource = inputs.settlementSource
        let (settlements, area) = try query.restrict(all, inputs: inputs)
        let globalIndex = Dictionary(uniqueKeysWithValues: all.indices.map { (all[$0].id, $0) })
        var rows: [SettlementProvision] = []
        var specs: [ProvisionCheckSpec] = [], unchecked: [UncheckedKind] = [], unplaced: [UnplacedSite] = []
        let byClass = Dictionary(grouping: settlements.indices) { settlements[$0].groups[GroupKey.settlementClass]! }
        for cls in byClass.keys.sorted() {
            let settlementClass = try AnalyticsInputs.settlementClass(word: cls)
            let members = byClass[cls]!
            let sites = members.map { settlements[$0] }
            var requirements: [ProvisionRequirement] = [], services: [ServiceReach] = []
            let kinds = onlyKind.map { [$0] } ?? content.norms.requiredKinds(for: cls)
            for kind in kinds {
                guard let limit = explicit ?? Limit.norm(content.norms, settlementClass: cls, kind: kind) else {
                    unchecked.append(UncheckedKind(settlementClass: settlementClass, kind: kind,
                                                   reason: "the norms catalogue gives no distance or time for this class and kind"))
                    continue
                }
                let supply = inputs.supply(ofKind: kind).located
                let costs = try TravelCostFactory.build(network: content.network, demand: sites, supply: supply, spec: query.costSpec(limit))
                unplaced += costs.unplaced
                requirements.append(ProvisionRequirement(kind: kind, maxCost: limit.cutoff, norm: limit.norm))
                services.append(ServiceReach(kind: kind, supply: supply, costs: costs.costs))
                specs.append(ProvisionCheckSpec(settlementClass: settlementClass, kind: kind, norm: limit.norm, limitSource: limit.source,
                                       profile: limit.profile, unit: limit.unit, maxCost: limit.cutoff, basis: costs.basis,
                                       speedKmh: costs.speedKmh, detourFactor: costs.detourFactor, facilities: supply.count))
            }
            let part = try Provision.measure(settlements: sites, requirements: [cls: requirements], services: services)
            rows += part.settlements.map { row in
                var row = row
                row.index = globalIndex[row.id]!
                return row
            }
        }
        rows.sort { $0.index < $1.index }
        let ordered = rows.map { all[$0.index] }
        let reindexed = rows.enumerated().map { i, row in var r = row; r.index = i; return r }
        result = try Provision.result(settlements: ordered, rows: reindexed, classKey: GroupKey.settlementClass, groupBy: groupBy,
                                      parameters: MeasureParameters(method: .provision))
        self.area = area
        checks = specs
        self.unchecked = unchecked
        self.unplaced = unplaced
        classFromPlace = settlements.indices.filter { inputs.settlementClassBasis[globalIndex[settlements[$0].id]!] != "dataset" }.count
        populationUnknown = content.settlements.filter { $0.population == nil }.count
    }

    /// Every rule id the result rests on.
    var norms: [String] { Array(Set(checks.compactMap(\.norm))).sorted() }
}
