import QadamAccess
import QadamData
import QadamProtocol

/// `agglomerations`: per agglomeration of the dataset, how many settlements and people lie in
/// its intensive, active and weak zones (geodesic distance from the core; road distances and
/// times in the zoning are estimated).
struct AgglomerationsAnswer: Encodable {
    var agglomerations: [Entry]
    var basis: String
    var detourFactor: Double
    var settlementCount: Int
    var populationUnknown: Int

    struct Entry: Encodable {
        var id: String
        var name: String
        var core: [Double]
        var zones: [QadamAccess.AgglomerationZone]
        var summary: [ZoneSummary]
    }
}

extension MethodRegistry {
    mutating func registerAgglomerations() {
        register("agglomerations") { raw, snapshot in
            let query = try Params.decode(MeasureQuery.self, from: raw)
            try query.checkNumbers()
            let content = try snapshot.dataset
            let inputs = try snapshot.analytics
            let (settlements, _) = try query.restrict(inputs.settlements, inputs: inputs)
            let estimate = RoadEstimate(detourFactor: query.detourFactor ?? CostSpec.defaultDetourFactor)
            let entries = try content.agglomerations.map { a in
                let zones = [QadamAccess.AgglomerationZone(name: QadamData.AgglomerationZone.intensive.rawValue, radius: a.zones.intensiveKm * 1000),
                             QadamAccess.AgglomerationZone(name: QadamData.AgglomerationZone.active.rawValue, radius: a.zones.activeKm * 1000),
                             QadamAccess.AgglomerationZone(name: QadamData.AgglomerationZone.weak.rawValue, radius: a.zones.weakKm * 1000)]
                let fromCore = inputs.metresFromAgglomerationCore[a.id] ?? [:]
                let zoning = try AgglomerationZoning.zone(settlements: settlements,
                                                          cores: [AgglomerationCore(id: a.id, name: a.name, location: a.core)],
                                                          zones: zones, estimate: estimate,
                                                          straightLine: { _, s in fromCore[settlements[s].id] })
                return AgglomerationsAnswer.Entry(id: a.id, name: a.name, core: [a.core.lon, a.core.lat], zones: zoning.zones,
                                                  summary: zoning.summary)
            }
            return try AnalyticsOutput.encode(AgglomerationsAnswer(
                agglomerations: entries, basis: "estimated", detourFactor: estimate.detourFactor,
                settlementCount: settlements.count, populationUnknown: content.settlements.filter { $0.population == nil }.count))
        }
    }
}
