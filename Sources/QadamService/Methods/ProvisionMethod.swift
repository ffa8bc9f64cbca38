import QadamAccess
import QadamProtocol

/// `provision`: per settlement, the required kinds of its class (СРС modelled kinds) met within
/// their norm, and the share; roll-ups count- and population-weighted. `gaps`: the unmet
/// checks across kinds ranked by people affected, each with a sentence.
struct ProvisionPaging: Decodable {
    /// How many settlements (provision) or gaps (gaps) to list; totals count all.
    var limit: Int?
}

struct ProvisionAnswer: Encodable {
    var area: AreaRef?
    var demandSource: String
    var norms: [String]
    var checks: [ProvisionRun.CheckSpec]
    var unchecked: [ProvisionRun.UncheckedKind]
    var overall: ProvisionGroup
    var groups: [ProvisionGroup]
    var settlementCount: Int
    var settlements: [SettlementProvision]
    var classFromOsmPlace: Int
    var populationUnknown: Int
    var unplaced: [UnplacedSite]
}

struct GapsAnswer: Encodable {
    var area: AreaRef?
    var norms: [String]
    var checks: [ProvisionRun.CheckSpec]
    var unchecked: [ProvisionRun.UncheckedKind]
    var gapCount: Int
    var gaps: [ServiceGap]
    var populationAffected: Double
    var settlementsAffected: Int
    var byKind: [KindTotal]
    var unplaced: [UnplacedSite]

    struct KindTotal: Encodable {
        var kind: String
        var population: Double
    }
}

extension MethodRegistry {
    mutating func registerProvision() {
        register("provision") { raw, snapshot in
            let query = try Params.decode(MeasureParams.self, from: raw)
            let paging = try Params.decode(ProvisionPaging.self, from: raw)
            let groupBy = query.groups().isEmpty ? [GroupKey.district, GroupKey.oblast, GroupKey.settlementClass, GroupKey.urbanRural] : query.groups()
            let run = try ProvisionRun(query, snapshot: snapshot, groupBy: groupBy)
            let rows = run.result.settlements
            return try AnalyticsOutput.encode(ProvisionAnswer(
                area: run.area, demandSource: run.populationSource.rawValue, norms: run.norms, checks: run.checks,
                unchecked: run.unchecked, overall: run.result.overall, groups: try snapshot.analytics.groupNames.named(run.result.groups), settlementCount: rows.count,
                settlements: Array(rows.prefix(try Params.rowLimit(paging.limit, default: nil))), classFromOsmPlace: run.classFromPlace,
                populationUnknown: run.populationUnknown, unplaced: run.unplaced))
        }
        register("gaps") { raw, snapshot in
            let query = try Params.decode(MeasureParams.self, from: raw)
            let paging = try Params.decode(ProvisionPaging.self, from: raw)
            let run = try ProvisionRun(query, snapshot: snapshot, groupBy: [])
            let all = ServiceGaps.rank(run.result)
            return try AnalyticsOutput.encode(GapsAnswer(
                area: run.area, norms: run.norms, checks: run.checks, unchecked: run.unchecked, gapCount: all.gaps.count,
                gaps: Array(all.gaps.prefix(try Params.rowLimit(paging.limit, default: 20))), populationAffected: all.populationAffected,
                settlementsAffected: all.settlementsAffected,
                byKind: all.populationAffectedByKind.keys.sorted().map { .init(kind: $0, population: all.populationAffectedByKind[$0]!) },
                unplaced: run.unplaced))
        }
    }
}
