import QadamMeasures
import QadamContract

/// `access`: supply per person by the floating-catchment family — 2SFCA, enhanced 2SFCA
/// (Luo & Qi 2009 bands: weights 1, 0.68, 0.22 over thirds of the catchment) or a gravity
/// model (power decay, exponent 1, costs below a tenth of the catchment count as that tenth).
extension MethodRegistry {
    mutating func registerAccess() {
        register(RPC.Access.self) { params, snapshot in
            var query = params.measure
            let own = params.options, method = own.method ?? .twoStep
            guard (own.catchmentM == nil) != (own.catchmentMin == nil) else {
                throw RPCError.invalidParams(field: "catchment_m", "give exactly one of catchment_m or catchment_min")
            }
            // The catchment is this measure's limit; a second limit would be silently ignored.
            if query.maxM != nil || query.maxMin != nil {
                throw RPCError.invalidParams(field: query.maxM != nil ? "max_m" : "max_min",
                                             "does not apply to access; the catchment (catchment_m or catchment_min) is its limit")
            }
            query.maxM = own.catchmentM
            query.maxMin = own.catchmentMin
            let setup = try MeasureSetup(query, snapshot: snapshot, countsCapacity: true)
            let c = setup.limit.cutoff
            let decay: DistanceDecay
            switch method {
            case .twoStep: decay = .uniform
            case .enhancedTwoStep: decay = .steps([DecayBand(upTo: c / 3, weight: 1), DecayBand(upTo: 2 * c / 3, weight: 0.68),
                                           DecayBand(upTo: c, weight: 0.22)])
            case .gravity: decay = .power(exponent: 1, minimumCost: c / 10)
            }
            let result = try FloatingCatchment.measure(demand: setup.demand, supply: setup.supply, costs: setup.costs.costs,
                                                       cutoff: c, decay: decay, groupBy: query.groups().isEmpty ? [GroupKey.district] : query.groups())
            return RPC.Access.Result(
                kind: setup.facilityKind, method: method, area: setup.area, demandSource: setup.inputs.demandSource,
                weighting: setup.weighting, parameters: setup.parameters(decay: method),
                points: result.sites.map { .init(id: $0.id, ratio: $0.ratio, demand: $0.demand, district: setup.demand[$0.index].groups[GroupKey.district]) },
                facilities: result.facilities, groups: setup.inputs.groupNames.named(result.groups), capacityUnknown: setup.capacityUnknown.count,
                capacityAssumed: setup.capacityAssumed, unplaced: setup.costs.unplaced)
        }
    }
}
