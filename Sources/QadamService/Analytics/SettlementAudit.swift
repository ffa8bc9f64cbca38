import QadamAccess
import QadamData
import QadamGeo
import QadamNetwork
import QadamProtocol

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

    static let leadingColumns = ["name", "class", "population", "oblast", "district", "required", "met", "share", "basis"]
    static let kindColumns = ["facility_id", "distance_m", "time_s", "limit_m", "limit_s", "met", "norm"]

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
        Self.leadingColumns + kinds.flatMap { kind in Self.kindColumns.map { "\(kind)_\($0)" } }
    }

    func answer(_ query: RPC.Audit.Params) throws -> QadamProtocol.JSONValue {
        let offset = query.offset ?? 0, limit = query.limit ?? settlements.count
        guard offset >= 0 else { throw RPCError.invalidParams(field: "offset", "must be 0 or more") }
        guard limit >= 0 else { throw RPCError.invalidParams(field: "limit", "must be 0 or more") }
        let page = Array(settlements.dropFirst(offset).prefix(limit))
        var answer: [String: QadamProtocol.JSONValue] = [
            "layer": .string(LayerKind.settlements.rawValue), "total": .int(Int64(settlements.count)),
            "offset": .int(Int64(offset)), "columns": .array(columns.map(QadamProtocol.JSONValue.string)),
            "kinds": .array(kinds.map(QadamProtocol.JSONValue.string)), "norms": .array(normsCited()),
        ]
        if let area { answer["area"] = try QadamProtocol.JSONValue(encoding: area) }
        if query.originsOnly == true {
            answer["origins"] = .array(page.map { s in
                .object(["id": .string(s.id), "at": .array([.double(s.location!.lon), .double(s.location!.lat)])])
            })
        } else {
            answer["rows"] = .array(try rows(page, query: query))
        }
        return .object(answer)
    }

    /// The rules this audit checks against, with their sources, for citing.
    private func normsCited() -> [QadamProtocol.JSONValue] {
        let ids = Set(NormVocabulary.settlementClasses.flatMap { cls in
            kinds.compactMap { Limit.norm(content.norms, settlementClass: cls, kind: $0)?.norm }
        })
        return content.norms.rules.filter { ids.contains($0.id) }.map { rule in
            var source: [String: QadamProtocol.JSONValue] = ["document": .string(rule.source.document)]
            if let clause = rule.source.clause { source["clause"] = .string(clause) }
            if let url = rule.source.url { source["url"] = .string(url) }
            return .object(["id": .string(rule.id), "source": .object(source)])
        }
    }

    private func rows(_ page: [DemandSite], query: RPC.Audit.Params) throws -> [QadamProtocol.JSONValue] {
        var cells = page.map { s -> [String: QadamProtocol.JSONValue] in
            ["id": .string(s.id), "lon": .double(s.location!.lon), "lat": .double(s.location!.lat),
             "name": s.name.map(QadamProtocol.JSONValue.string) ?? .null, "class": .string(s.groups[GroupKey.settlementClass]!),
             "population": .double(s.population), "oblast": .string(s.groups[GroupKey.oblast] ?? "none"),
             "district": .string(s.groups[GroupKey.district] ?? "none"), "error": .null]
        }
        var required = Array(repeating: 0, count: page.count), met = required
        var bases = Array(repeating: Set<String>(), count: page.count)
        let byClass = Dictionary(grouping: page.indices) { page[$0].groups[GroupKey.settlementClass]! }
        for cls in byClass.keys.sorted() {
            let members = byClass[cls]!
            let classKinds = Set(content.norms.requiredKinds(for: cls))
            for kind in kinds {
                let limit = classKinds.contains(kind) ? Limit.norm(content.norms, settlementClass: cls, kind: kind) : nil
                guard let limit else {
                    for i in members { for column in Self.kindColumns { cells[i]["\(kind)_\(column)"] = .null } }
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
                    cells[i]["\(kind)_facility_id"] = hit.map { .string($0.facilityID) } ?? .null
                    cells[i]["\(kind)_distance_m"] = hit.map { .double($0.metres) } ?? .null
                    cells[i]["\(kind)_time_s"] = hit.map { .double($0.seconds) } ?? .null
                    cells[i]["\(kind)_limit_m"] = limit.unit == .metres ? .double(limit.cutoff) : .null
                    cells[i]["\(kind)_limit_s"] = limit.unit == .seconds ? .double(limit.cutoff) : .null
                    cells[i]["\(kind)_met"] = .string(ok ? "yes" : "no")
                    cells[i]["\(kind)_norm"] = limit.norm.map(QadamProtocol.JSONValue.string) ?? .null
                }
            }
        }
        return page.indices.map { i in
            cells[i]["required"] = .int(Int64(required[i]))
            cells[i]["met"] = .int(Int64(met[i]))
            cells[i]["share"] = required[i] > 0 ? .double(Double(met[i]) / Double(required[i])) : .null
            cells[i]["basis"] = bases[i].isEmpty ? .null : .string(bases[i].sorted().joined(separator: "+"))
            return .object(cells[i])
        }
    }
}
