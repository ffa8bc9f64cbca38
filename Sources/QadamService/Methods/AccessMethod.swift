import QadamAccess
import QadamProtocol

/// `access`: supply per person by the floating-catchment family — 2SFCA, enhanced 2SFCA
/// (Luo & Qi 2009 bands: weights 1, 0.68, 0.22 over thirds of the catchment) or a gravity
/// model (power decay, exponent 1, costs below a tenth of the catchment count as that tenth).
struct AccessParams: Decodable {
    var method: String?
    var catchmentM: Double?
    var catchmentMin: Double?

    enum CodingKeys: String, CodingKey {
        case method, catchmentM = "catchment_m", catchmentMin = "catchment_min"
    }
}

struct AccessAnswer: Encodable {
    var kind: String
    var method: String
    var area: AreaRef?
    var demandSource: DemandSource
    var weighting: DemandWeighting
    var parameters: ResultParameters
    /// Per demand point: supply per weighted person (seats per child, visits per resident).
    var points: [PointRatio]
    var facilities: [FacilityRatio]
    var groups: [AccessGroup]
    /// Facilities of the kind with no capacity (none assumed): left out of the ratios, which
    /// are then lower bounds near them.
    var capacityUnknown: Int
    var capacityAssumed: CapacityAssumption?
    var unplaced: [UnplacedSite]

    struct PointRatio: Encodable {
        var id: String
        var ratio: Double
        var demand: Double
        var district: String?
    }
}

extension MethodRegistry {
    mutating func registerAccess() {
        register("access") { raw, snapshot in
            var query = try Params.decode(MeasureParams.self, from: raw)
            let own = try Params.decode(AccessParams.self, from: raw)
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
            switch own.method ?? "2sfca" {
            case "2sfca": decay = .uniform
            case "e2sfca": decay = .steps([DecayBand(upTo: c / 3, weight: 1), DecayBand(upTo: 2 * c / 3, weight: 0.68),
                                           DecayBand(upTo: c, weight: 0.22)])
            case "gravity": decay = .power(exponent: 1, minimumCost: c / 10)
            case let other: throw RPCError.invalidParams(field: "method", "must be 2sfca, e2sfca or gravity, got '\(other)'")
            }
            let result = try FloatingCatchment.measure(demand: setup.demand, supply: setup.supply, costs: setup.costs.costs,
                                                       cutoff: c, decay: decay, groupBy: query.groups().isEmpty ? [GroupKey.district] : query.groups())
            return try AnalyticsOutput.encode(AccessAnswer(
                kind: setup.kind, method: own.method ?? "2sfca", area: setup.area, demandSource: setup.inputs.demandSource,
                weighting: setup.weighting, parameters: setup.parameters(decay: own.method ?? "2sfca"),
                points: result.sites.map { .init(id: $0.id, ratio: $0.ratio, demand: $0.demand, district: setup.demand[$0.index].groups[GroupKey.district]) },
                facilities: result.facilities, groups: setup.inputs.groupNames.named(result.groups), capacityUnknown: setup.capacityUnknown.count,
                capacityAssumed: setup.capacityAssumed, unplaced: setup.costs.unplaced))
        }
    }
}
