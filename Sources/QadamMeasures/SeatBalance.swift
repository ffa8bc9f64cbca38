import QadamContract

/// Seat deficit per group, by demand and by the planning ratio.
public struct SeatBalanceResult: Codable, Sendable, Equatable {
    public var parameters: MeasureParameters
    public var groupKey: String
    public var rows: [SeatBalanceRow]
    /// The whole area as one group (its deficit is the net one; the sum of `rows` deficits can
    /// be larger because surplus in one district does not seat children of another).
    public var total: SeatBalanceRow
}

public enum SeatBalance {
    /// Compares demand (population × weight) with capacity per value of `groupKey`; both demand
    /// and supply sites must carry the key. `capacityUnknown` are facilities of the same kind
    /// whose capacity is unknown: they make their group's seat figures unknown (see the row).
    public static func measure(demand: [DemandSite], supply: [SupplySite], capacityUnknown: [SupplySite] = [],
                               groupKey: String, normSeatsPerThousand: Double? = nil, norm: String? = nil) throws -> SeatBalanceResult {
        try InputCheck.demand(demand)
        try InputCheck.supply(supply)
        if let n = normSeatsPerThousand, !(n.isFinite && n >= 0) {
            throw AccessError.invalidParameter(name: "normSeatsPerThousand", value: "\(n)", reason: "must be finite and >= 0")
        }
        let demandGroups = try GroupRollup.partition(demand, key: groupKey)
        let supplyGroups = try GroupRollup.partition(supply.map(\.groups), key: groupKey, site: "supply") { supply[$0].id }
        var population: [String: Double] = [:], need: [String: Double] = [:], seats: [String: Double] = [:]
        for (value, indices) in demandGroups {
            population[value] = indices.reduce(0) { $0 + demand[$1].population }
            need[value] = indices.reduce(0) { $0 + demand[$1].demand }
        }
        for (value, indices) in supplyGroups {
            seats[value] = indices.reduce(0) { $0 + supply[$1].capacity }
        }
        var unknown: [String: Int] = [:]
        for (value, indices) in try GroupRollup.partition(capacityUnknown.map(\.groups), key: groupKey, site: "supply",
                                                           ids: { capacityUnknown[$0].id }) {
            unknown[value] = indices.count
        }
        let values = Set(population.keys).union(seats.keys).union(unknown.keys).sorted()
        let rows = values.map {
            row(group: $0, population: population[$0] ?? 0, demand: need[$0] ?? 0, seats: seats[$0] ?? 0,
                capacityUnknown: unknown[$0] ?? 0, norm: normSeatsPerThousand)
        }
        let total = row(group: "total", population: rows.reduce(0) { $0 + $1.population },
                        demand: rows.reduce(0) { $0 + $1.demand }, seats: rows.reduce(0) { $0 + $1.seats },
                        capacityUnknown: capacityUnknown.count, norm: normSeatsPerThousand)
        return SeatBalanceResult(parameters: MeasureParameters(method: .seatBalance, norm: norm),
                                 groupKey: groupKey, rows: rows, total: total)
    }

    static func row(group: String, population: Double, demand: Double, seats: Double, capacityUnknown: Int = 0,
                    norm: Double?) -> SeatBalanceRow {
        let normSeats = norm.map { population * $0 / 1000 }
        let known = capacityUnknown == 0
        return SeatBalanceRow(group: group, population: population, demand: demand, seats: seats,
                              capacityUnknown: capacityUnknown,
                              deficit: known ? max(0, demand - seats) : nil,
                              deficitAtMost: known ? nil : max(0, demand - seats),
                              surplus: known ? max(0, seats - demand) : nil,
                              seatsPerThousand: known && population > 0 ? seats / population * 1000 : nil,
                              normSeatsPerThousand: norm, normSeats: normSeats,
                              normDeficit: known ? normSeats.map { max(0, $0 - seats) } : nil)
    }
}
