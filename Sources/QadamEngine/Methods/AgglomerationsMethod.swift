import QadamMeasures
import QadamData
import QadamContract

extension MethodRegistry {
    /// `agglomerations` (`RPC.Agglomerations`): each settlement's zone is kept per snapshot
    /// (`AgglomerationSettlementZones`), so a request only counts the members of its area.
    mutating func registerAgglomerations() {
        typealias Answer = RPC.Agglomerations.Result
        register(RPC.Agglomerations.self) { query, snapshot in
            try query.checkNumbers()
            let content = try snapshot.dataset
            let inputs = try snapshot.analytics
            let (members, _) = try query.restrictedIndices(inputs.settlements, inputs: inputs)
            let estimate = RoadEstimate(detourFactor: query.detourFactor ?? CostSpec.defaultDetourFactor)
            let entries = try content.agglomerations.map { a in
                guard let zoned = try inputs.agglomerationZones[a.id]?.get() else {
                    throw RPCError.internalError("agglomeration \(a.id) was not zoned for this snapshot")
                }
                return Answer.Entry(id: a.id, name: a.name, core: a.core,
                                    zones: zoned.rings.map { Answer.Ring(name: $0.name, radius: $0.radius) },
                                    summary: zoned.summary(of: members).map {
                                        Answer.ZoneCount(zone: $0.zone, settlements: $0.settlements, population: $0.population)
                                    })
            }
            return Answer(agglomerations: entries, basis: .estimated, detourFactor: estimate.detourFactor,
                          settlementCount: members.count, populationUnknown: content.settlements.count { $0.population == nil })
        }
    }
}
