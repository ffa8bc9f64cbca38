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
            let query = try Params.decode(MeasureParams.self, from: raw)
            try query.checkNumbers()
            let content = try snapshot.dataset
            let inputs = try snapshot.analytics
            let (members, _) = try query.restrictedIndices(inputs.settlements, inputs: inputs)
            let estimate = RoadEstimate(detourFactor: query.detourFactor ?? CostSpec.defaultDetourFactor)
            let entries = try content.agglomerations.map { a in
                guard let zoned = try inputs.agglomerationZones[a.id]?.get() else {
                    throw RPCError.internalError("agglomeration \(a.id) was not zoned for this snapshot")
                }
                return AgglomerationsAnswer.Entry(id: a.id, name: a.name, core: [a.core.lon, a.core.lat], zones: zoned.rings,
                                                  summary: zoned.summary(of: members))
            }
            return try AnalyticsOutput.encode(AgglomerationsAnswer(
                agglomerations: entries, basis: "estimated", detourFactor: estimate.detourFactor,
                settlementCount: members.count, populationUnknown: content.settlements.count { $0.population == nil }))
        }
    }
}
