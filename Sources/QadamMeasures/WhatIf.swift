import QadamContract

/// One change to the facilities of a scenario.
public enum FacilityChange: Sendable {
    /// A new facility; `costsToNewSite(i)` is the travel cost from demand site `i` to it (nil =
    /// unreachable), supplied by the integrator from a one-to-all network search.
    case add(SupplySite, costsToNewSite: @Sendable (Int) -> Double?)
    /// Closes base facility `index`.
    case remove(Int)
    /// Sets base facility `index`'s capacity.
    case resize(Int, capacity: Double)
}

public struct WhatIfResult: Codable, Sendable, Equatable {
    public var parameters: MeasureParameters
    /// Supply indices the added facilities got in the scenario, in the order given.
    public var addedSupplyIndices: [Int]
    public var coverage: CoverageChange
    /// Only groups whose seats changed; nil when the baseline has no seat group key.
    public var seats: [SeatGroupChange]?
    public var provision: ProvisionChange?
}

/// Precomputes, once per snapshot and facility kind, what scenarios need to be evaluated
/// incrementally: per site the number of facilities within the cutoff and the nearest one, and
/// per facility the sites within its cutoff. A scenario then touches only the sites near
/// changed facilities.
public struct WhatIfBaseline<Costs: TravelCosts>: Sendable {
    public let demand: [DemandSite]
    public let supply: [SupplySite]
    public let costs: Costs
    public let cutoff: Double
    public let seatGroupKey: String?
    public let normSeatsPerThousand: Double?
    /// Per demand site, the provision requirement for this kind (nil = not required).
    public let provisionMaxCost: [Double?]
    public let norm: String?
    private let reachCount: [Int]
    private let nearest: [ReachableSupply?]
    private let column: [[Int]]
    private let seatBalance: SeatBalanceResult?

    /// - Parameters:
    ///   - seatGroupKey: group key for seat balances (e.g. district); nil to skip them.
    ///   - provisionMaxCost: per site, the max cost its class requires for this kind.
    public init(demand: [DemandSite], supply: [SupplySite], costs: Costs, cutoff: Double,
                seatGroupKey: String? = nil, normSeatsPerThousand: Double? = nil,
                provisionMaxCost: ((DemandSite) -> Double?)? = nil, norm: String? = nil) throws {
        try InputCheck.sites(demand, supply, costs)
        try InputCheck.cutoff(cutoff)
        self.demand = demand
        self.supply = supply
        self.costs = costs
        self.cutoff = cutoff
        self.seatGroupKey = seatGroupKey
        self.normSeatsPerThousand = normSeatsPerThousand
        self.provisionMaxCost = demand.map { provisionMaxCost?($0) }
        self.norm = norm
        var column = Array(repeating: [Int](), count: supply.count)
        var reachCount = Array(repeating: 0, count: demand.count)
        for i in demand.indices {
            let row = costs.reachable(from: i, within: cutoff)
            reachCount[i] = row.count
            for r in row { column[r.supply].append(i) }
        }
        self.reachCount = reachCount
        self.column = column
        self.nearest = demand.indices.map { costs.nearest(from: $0) }
        self.seatBalance = try seatGroupKey.map {
            try SeatBalance.measure(demand: demand, supply: supply, groupKey: $0, normSeatsPerThousand: normSeatsPerThousand)
        }
    }

    /// The scenario's facilities: base ones resized, removed ones still listed (their index is
    /// kept) but never reachable, added ones appended.
    public func evaluate(_ changes: [FacilityChange]) throws -> WhatIfResult {
        var removed = Set<Int>()
        var scenarioSupply = supply
        var addedSites: [SupplySite] = []
        var addedCosts: [[Double?]] = []
        for change in changes {
            switch change {
            case let .add(site, costsToNewSite):
                addedSites.append(site)
                addedCosts.append(demand.indices.map { costsToNewSite($0).flatMap { $0.isFinite ? $0 : nil } })
            case let .remove(j):
                guard supply.indices.contains(j) else { throw AccessError.unknownSupply(index: j, count: supply.count) }
                removed.insert(j)
            case let .resize(j, capacity):
                guard supply.indices.contains(j) else { throw AccessError.unknownSupply(index: j, count: supply.count) }
                scenarioSupply[j].capacity = capacity
            }
        }
        try InputCheck.supply(scenarioSupply + addedSites)
        let overlay = try OverlayTravelCosts(base: costs, removed: removed, added: addedCosts)
        return WhatIfResult(
            parameters: MeasureParameters(method: .whatIf, unit: costs.unit, cutoff: cutoff, norm: norm),
            addedSupplyIndices: addedSites.indices.map { supply.count + $0 },
            coverage: coverageChange(removed: removed, addedCosts: addedCosts),
            seats: try seatChanges(scenarioSupply: scenarioSupply, removed: removed, added: addedSites),
            provision: provisionChange(removed: removed, addedCosts: addedCosts, overlay: overlay))
    }

    private func siteChange(_ i: Int) -> SiteChange {
        SiteChange(index: i, id: demand[i].id, name: demand[i].name, population: demand[i].population)
    }

    private func ranked(_ indices: [Int]) -> [SiteChange] {
        indices.map(siteChange).sorted { $0.population != $1.population ? $0.population > $1.population : $0.id < $1.id }
    }

    private func coverageChange(removed: Set<Int>, addedCosts: [[Double?]]) -> CoverageChange {
        var delta: [Int: Int] = [:]
        for j in removed { for i in column[j] { delta[i, default: 0] -= 1 } }
        for column in addedCosts {
            for (i, c) in column.enumerated() where (c ?? .infinity) <= cutoff { delta[i, default: 0] += 1 }
        }
        let gained = delta.compactMap { i, d in reachCount[i] == 0 && d > 0 ? i : nil }
        let lost = delta.compactMap { i, d in reachCount[i] > 0 && reachCount[i] + d == 0 ? i : nil }
        let total = demand.reduce(0) { $0 + $1.population }
        let before = demand.indices.reduce(0) { reachCount[$1] > 0 ? $0 + demand[$1].population : $0 }
        let after = before + gained.reduce(0) { $0 + demand[$1].population } - lost.reduce(0) { $0 + demand[$1].population }
        return CoverageChange(coveredBefore: before, coveredAfter: after, change: after - before,
                              shareBefore: share(before, of: total), shareAfter: share(after, of: total),
                              newlyCovered: ranked(gained), newlyUncovered: ranked(lost))
    }

    private func seatChanges(scenarioSupply: [SupplySite], removed: Set<Int>, added: [SupplySite]) throws -> [SeatGroupChange]? {
        guard let key = seatGroupKey, let base = seatBalance else { return nil }
        var seats: [String: Double] = [:]
        for row in base.rows { seats[row.group] = row.seats }
        var touched = Set<String>()
        func adjust(_ site: SupplySite, by amount: Double, index: Int) throws {
            guard let g = site.groups[key] else {
                throw AccessError.missingGroup(site: "supply", index: index, id: site.id, key: key)
            }
            seats[g, default: 0] += amount
            touched.insert(g)
        }
        for j in supply.indices where scenarioSupply[j].capacity != supply[j].capacity && !removed.contains(j) {
            try adjust(supply[j], by: scenarioSupply[j].capacity - supply[j].capacity, index: j)
        }
        for j in removed { try adjust(supply[j], by: -supply[j].capacity, index: j) }
        for (k, site) in added.enumerated() { try adjust(site, by: site.capacity, index: supply.count + k) }
        let rows = Dictionary(uniqueKeysWithValues: base.rows.map { ($0.group, $0) })
        return touched.sorted().map { g in
            let before = rows[g] ?? SeatBalance.row(group: g, population: 0, demand: 0, seats: 0, norm: normSeatsPerThousand)
            return SeatGroupChange(group: g, before: before,
                                   after: SeatBalance.row(group: g, population: before.population, demand: before.demand,
                                                          seats: seats[g]!, norm: normSeatsPerThousand))
        }
    }

    private func provisionChange(removed: Set<Int>, addedCosts: [[Double?]], overlay: OverlayTravelCosts<Costs>) -> ProvisionChange? {
        guard provisionMaxCost.contains(where: { $0 != nil }) else { return nil }
        var metBefore = 0, metAfter = 0, popBefore = 0.0, popAfter = 0.0
        var gained: [Int] = [], lost: [Int] = []
        for i in demand.indices {
            guard let maxCost = provisionMaxCost[i] else { continue }
            var after = nearest[i]
            if let n = after, removed.contains(n.supply) { after = overlay.nearest(from: i) }
            for column in addedCosts {
                if let c = column[i], c < (after?.cost ?? .infinity) { after = ReachableSupply(supply: 0, cost: c) }
            }
            let wasMet = (nearest[i]?.cost ?? .infinity) <= maxCost
            let isMet = (after?.cost ?? .infinity) <= maxCost
            if wasMet { metBefore += 1; popBefore += demand[i].population }
            if isMet { metAfter += 1; popAfter += demand[i].population }
            if isMet && !wasMet { gained.append(i) }
            if wasMet && !isMet { lost.append(i) }
        }
        return ProvisionChange(settlements: provisionMaxCost.compactMap { $0 }.count, metBefore: metBefore, metAfter: metAfter,
                               populationMetBefore: popBefore, populationMetAfter: popAfter,
                               newlyMet: ranked(gained), newlyUnmet: ranked(lost))
    }
}
