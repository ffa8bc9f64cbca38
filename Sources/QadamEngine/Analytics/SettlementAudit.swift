import QadamMeasures
import QadamData
import QadamGeo
import QadamNetwork
import QadamContract

/// The `audit` of the settlements layer: for each settlement, every kind its class requires
/// (the norms catalogue's СРС modelled kinds), the nearest facility of that kind however far,
/// its distance and time against the rule's limit, met yes/no, and the share of required
/// kinds met. Kinds the class does not require, and kinds without a distance or time rule,
/// leave their columns empty and do not count.
///
/// Columns are the same for every row (one block per kind any class requires), so the rows of
/// a whole country stream into one CSV.
struct SettlementAudit {
    let area: AreaRef?
    /// The settlements of the area, in dataset order.
    let settlements: [DemandSite]
    /// Every kind some class requires, in `FacilityKind` order.
    let kinds: [String]
    private let content: DatasetContent
    private let inputs: AnalyticsInputs

    init(_ query: RPC.Audit.Params, snapshot: Snapshot) throws {
        content = try snapshot.dataset
        inputs = try snapshot.analytics
        try query.measureParams.checkNumbers()
        (settlements, area) = try query.measureParams.restrict(inputs.settlements, inputs: inputs)
        let norms = content.norms
        let required = Set(NormVocabulary.settlementClasses.flatMap { norms.requiredKinds(for: $0) })
        kinds = FacilityKind.allCases.map(\.rawValue).filter(required.contains)
    }

    var columns: [String] {
        RPC.Audit.SettlementRow.leadingColumns + kinds.flatMap { kind in RPC.Audit.SettlementRow.kindColumns.map { "\(kind)_\($0)" } }
    }

    func answer(_ query: RPC.Audit.Params) throws -> RPC.Audit.LayerResult {
        let offset = query.offset ?? 0, limit = query.limit ?? settlements.count
        guard offset >= 0 else { throw RPCError.invalidParams(field: "offset", "must be 0 or more") }
        guard limit >= 0 else { throw RPCError.invalidParams(field: "limit", "must be 0 or more") }
        let page = Array(settlements.dropFirst(offset).prefix(limit))
        let listOnly = query.originsOnly == true
        return RPC.Audit.LayerResult(
            layer: .settlements, total: settlements.count, offset: offset, columns: columns, kinds: kinds, norms: normsCited(),
            area: area, origins: listOnly ? page.map { .init(id: $0.id, at: $0.location!) } : nil,
            rows: listOnly ? nil : try rows(page, query: query))
    }

    /// The rules this audit checks against, with their sources, for citing.
    private func normsCited() -> [RPC.Audit.LayerResult.CitedNorm] {
        let ids = Set(NormVocabulary.settlementClasses.flatMap { cls in
            kinds.compactMap { Limit.norm(content.norms, settlementClass: cls, kind: $0)?.norm }
        })
        return content.norms.rules.filter { ids.contains($0.id) }.map { rule in
            .init(id: rule.id, source: .init(document: rule.source.document, clause: rule.source.clause, url: rule.source.url))
        }
    }

    private func rows(_ page: [DemandSite], query: RPC.Audit.Params) throws -> [RPC.Audit.SettlementRow] {
        var checks = Array(repeating: [String: RPC.Audit.SettlementRow.KindCheck?](), count: page.count)
        var required = Array(repeating: 0, count: page.count), met = required
        var bases = Array(repeating: Set<String>(), count: page.count)
        let byClass = Dictionary(grouping: page.indices) { page[$0].groups[GroupKey.settlementClass]! }
        for cls in byClass.keys.sorted() {
            let members = byClass[cls]!
            let classKinds = Set(content.norms.requiredKinds(for: cls))
            for kind in kinds {
                let limit = classKinds.contains(kind) ? Limit.norm(content.norms, settlementClass: cls, kind: kind) : nil
                guard let limit else {
                    for i in members { checks[i][kind] = .some(nil) }
                    continue
                }
                let finder = NearestFacilityFinder(content: content, inputs: inputs, kind: kind, profile: limit.profile,
                                                   speedKmh: query.speedKmh,
                                                   detourFactor: query.detourFactor ?? CostSpec.defaultDetourFactor)
                let found = try finder.nearest(members.map { page[$0].location! })
                for (i, outcome) in zip(members, found) {
                    let hit = try? outcome.get()
                    let cost = hit.map { limit.unit == .metres ? $0.metres : $0.seconds }
                    let ok = cost.map { $0 <= limit.cutoff } ?? false
                    required[i] += 1
                    if ok { met[i] += 1 }
                    bases[i].insert(finder.basis.rawValue)
                    checks[i][kind] = RPC.Audit.SettlementRow.KindCheck(
                        facilityID: hit?.facilityID, distanceM: hit?.metres, timeS: hit?.seconds,
                        limitM: limit.unit == .metres ? limit.cutoff : nil, limitS: limit.unit == .seconds ? limit.cutoff : nil,
                        met: ok, norm: limit.norm)
                }
            }
        }
        return try page.indices.map { i in
            let s = page[i]
            return RPC.Audit.SettlementRow(
                id: s.id, lon: s.location!.lon, lat: s.location!.lat, name: s.name,
                settlementClass: try AnalyticsInputs.settlementClass(word: s.groups[GroupKey.settlementClass]!), population: s.population,
                oblast: s.groups[GroupKey.oblast] ?? "none", district: s.groups[GroupKey.district] ?? "none",
                required: required[i], met: met[i], share: required[i] > 0 ? Double(met[i]) / Double(required[i]) : nil,
                basis: bases[i].isEmpty ? nil : bases[i].sorted().joined(separator: "+"), checks: checks[i])
        }
    }
}
