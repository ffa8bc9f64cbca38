import QadamMeasures
import QadamGeo
import QadamContract

/// `site`: where to put `count` new facilities of a kind so that the most people get one
/// within the limit (lazy greedy maximal coverage). Candidates are the given points, else the
/// street network's vertices, else (no network) the demand points themselves.
extension MethodRegistry {
    /// The most network vertices `site` tries as candidates when none are given.
    static let siteMaxVertexCandidates = 50_000

    mutating func registerSite() {
        register(RPC.Site.self) { params, snapshot in
            let query = params.measure, own = params.options
            guard own.count >= 1, own.count <= 1000 else { throw RPCError.invalidParams(field: "count", "must be in 1...1000") }
            for (i, c) in (own.candidates ?? []).enumerated() { try Params.validate(c, field: "candidates[\(i)]") }
            let setup = try MeasureSetup(query, snapshot: snapshot)
            let content = try snapshot.dataset
            let points: [Coordinate], source: RPC.Site.Result.CandidateSource
            if let given = own.candidates {
                (points, source) = (given, .given)
            } else if let network = content.network {
                // One bounded search per candidate: a city's vertices are fine, a country's are
                // hours of work no timeout stops (the worker runs to the end), so refuse.
                guard network.graph.vertexCount <= Self.siteMaxVertexCandidates else {
                    throw RPCError.invalidParams(field: "candidates",
                        "is needed: the network has \(network.graph.vertexCount) vertices, over the \(Self.siteMaxVertexCandidates) tried by default; give candidate sites")
                }
                (points, source) = ((0..<network.graph.vertexCount).map { network.graph.coordinate(ofVertex: $0) }, .networkVertices)
            } else {
                (points, source) = (setup.demand.compactMap(\.location), .demandPoints)
            }
            let candidates = points.enumerated().map { SupplySite(id: "candidate-\($0.offset + 1)", capacity: 0, location: $0.element) }
            let built = try TravelCostFactory.build(network: content.network, demand: setup.demand, supply: candidates,
                                                    spec: query.costSpec(setup.limit))
            let result = try MaximalCoverage.greedy(demand: setup.demand, candidates: candidates, candidateCosts: built.costs,
                                                    cutoff: setup.limit.cutoff, count: own.count, existingCosts: setup.costs.costs,
                                                    norm: setup.limit.norm)
            return RPC.Site.Result(
                kind: setup.facilityKind, area: setup.area, demandSource: setup.inputs.demandSource, parameters: setup.parameters(),
                candidateSource: source, candidateCount: candidates.count,
                picks: result.picks.enumerated().map { n, p in
                    .init(rank: n + 1, location: [points[p.candidateIndex].lon, points[p.candidateIndex].lat],
                          addedPopulation: p.addedPopulation, cumulativePopulation: p.cumulativePopulation)
                },
                populationTotal: result.totalPopulation, populationCoveredBefore: result.basePopulationCovered,
                populationCoveredAfter: result.populationCovered, capacityUnknown: setup.capacityUnknown.count,
                unplaced: setup.costs.unplaced + built.unplaced.filter { $0.side == .facility })
        }
    }
}
