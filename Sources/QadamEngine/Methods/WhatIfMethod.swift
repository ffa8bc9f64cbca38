import QadamMeasures
import QadamGeo
import QadamContract

/// `whatif`: add, remove or resize facilities of one kind and see the change in coverage, seat
/// balance per district and provision against the base, on the same snapshot. The base is
/// measured once per request (`WhatIfBaseline`); the scenario only touches demand near the
/// changed facilities, and an added facility costs one more bounded search.
extension MethodRegistry {
    mutating func registerWhatIf() {
        register(RPC.WhatIf.self) { params, snapshot in
            let query = params.measure, own = params.options
            let setup = try MeasureSetup(query, snapshot: snapshot)
            let content = try snapshot.dataset
            let capacityRule = content.norms.rules.first { $0.facilityKind == setup.kind && $0.capacityPer1000 != nil }
            let cutoff = setup.limit.cutoff, kind = setup.kind
            // Coverage and provision need every facility; seat balances only make sense when every
            // capacity is known or assumed, so they are skipped otherwise rather than counting 0 seats.
            let seatsKnown = setup.capacityUnknown.isEmpty
            let baseline = try WhatIfBaseline(
                demand: setup.demand, supply: setup.supply, costs: setup.costs.costs, cutoff: cutoff,
                seatGroupKey: seatsKnown ? GroupKey.district : nil, normSeatsPerThousand: capacityRule?.capacityPer1000,
                provisionMaxCost: { site in
                    content.norms.requiredKinds(for: site.groups[GroupKey.settlementClass] ?? "").contains(kind) ? cutoff : nil
                }, norm: setup.limit.norm)
            let index = Dictionary(uniqueKeysWithValues: setup.supply.indices.map { (setup.supply[$0].id, $0) })
            var unplaced = setup.costs.unplaced
            let changes = try own.changes.enumerated().map { n, change throws -> FacilityChange in
                let field = "changes[\(n)]"
                func existing() throws(RPCError) -> Int {
                    guard let id = change.id else { throw RPCError.invalidParams(field: field + ".id", "is required for \(change.op.rawValue)") }
                    guard let j = index[id] else {
                        throw RPCError.invalidParams(field: field + ".id", "names no \(kind) facility of the dataset\(setup.area == nil ? "" : " "): '\(id)'")
                    }
                    return j
                }
                func capacity() throws(RPCError) -> Double {
                    guard let c = change.capacity, c.isFinite, c >= 0 else {
                        throw RPCError.invalidParams(field: field + ".capacity", "must be a number >= 0")
                    }
                    return c
                }
                switch change.op {
                case .add:
                    guard let at = change.at else { throw RPCError.invalidParams(field: field + ".at", "is required for add") }
                    try Params.validate(at, field: field + ".at")
                    let site = SupplySite(id: change.id ?? "new-\(n + 1)", name: change.name, capacity: try capacity(),
                                          groups: [GroupKey.district: setup.inputs.districtID(at: at)], location: at)
                    let built = try TravelCostFactory.build(network: content.network, demand: setup.demand, supply: [site],
                                                            spec: query.costSpec(setup.limit))
                    unplaced += built.unplaced
                    let costs = built.costs
                    return .add(site, costsToNewSite: { costs.nearest(from: $0)?.cost })
                case .remove:
                    return .remove(try existing())
                case .resize:
                    return .resize(try existing(), capacity: try capacity())
                }
            }
            let result = try baseline.evaluate(changes)
            return RPC.WhatIf.Result(
                kind: setup.facilityKind, area: setup.area, demandSource: setup.inputs.demandSource, weighting: setup.weighting,
                parameters: setup.parameters(), changes: changes.count, coverage: result.coverage, seats: result.seats,
                seatsSkipped: seatsKnown ? nil
                    : "\(setup.capacityUnknown.count) \(kind) facilities have no capacity in the data; pass assume_capacity for seat balances",
                capacityUnknown: setup.capacityUnknown.count, capacityAssumed: setup.capacityAssumed,
                provision: result.provision, unplaced: unplaced)
        }
    }
}
