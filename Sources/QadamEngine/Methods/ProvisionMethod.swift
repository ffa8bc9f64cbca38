import QadamMeasures
import QadamContract

/// `provision`: per settlement, the required kinds of its class (СРС modelled kinds) met within
/// their norm, and the share; roll-ups count- and population-weighted. `gaps`: the unmet
/// checks across kinds ranked by people affected, each with a sentence.
extension MethodRegistry {
    mutating func registerProvision() {
        register(RPC.Provision.self) { params, snapshot in
            let query = params.measure
            let groupBy = query.groups().isEmpty ? [GroupKey.district, GroupKey.oblast, GroupKey.settlementClass, GroupKey.urbanRural] : query.groups()
            let run = try ProvisionRun(query, snapshot: snapshot, groupBy: groupBy)
            let rows = run.result.settlements
            return RPC.Provision.Result(
                area: run.area, demandSource: run.populationSource, norms: run.norms, checks: run.checks,
                unchecked: run.unchecked, overall: run.result.overall, groups: try snapshot.analytics.groupNames.named(run.result.groups), settlementCount: rows.count,
                settlements: Array(rows.prefix(try Params.rowLimit(params.options.limit, default: nil))), classFromOsmPlace: run.classFromPlace,
                populationUnknown: run.populationUnknown, unplaced: run.unplaced)
        }
        register(RPC.Gaps.self) { params, snapshot in
            let run = try ProvisionRun(params.measure, snapshot: snapshot, groupBy: [])
            let all = ServiceGaps.rank(run.result)
            return RPC.Gaps.Result(
                area: run.area, norms: run.norms, checks: run.checks, unchecked: run.unchecked, gapCount: all.gaps.count,
                gaps: Array(all.gaps.prefix(try Params.rowLimit(params.options.limit, default: 20))), populationAffected: all.populationAffected,
                settlementsAffected: all.settlementsAffected,
                byKind: all.populationAffectedByKind.keys.sorted().map { .init(kind: $0, population: all.populationAffectedByKind[$0]!) },
                unplaced: run.unplaced)
        }
    }
}
