/// Seats against demand in one group (usually a district).
public struct SeatBalanceRow: Codable, Sendable, Equatable {
    public var group: String
    public var population: Double
    /// Weighted population needing a seat (e.g. school-age children).
    public var demand: Double
    public var seats: Double
    /// `max(0, demand - seats)`.
    public var deficit: Double
    /// `max(0, seats - demand)`.
    public var surplus: Double
    /// Planning ratio: seats per 1,000 residents; nil with no residents.
    public var seatsPerThousand: Double?
    /// The norm's seats per 1,000 residents, when one was given.
    public var normSeatsPerThousand: Double?
    /// Seats the norm asks for: `population × norm / 1000`.
    public var normSeats: Double?
    /// `max(0, normSeats - seats)`.
    public var normDeficit: Double?
}

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
    /// and supply sites must carry the key.
    public static func measure(demand: [DemandSite], supply: [SupplySite], groupKey: String,
                               normSeatsPerThousand: Double? = nil, norm: String? = nil) throws -> SeatBalanceResult {
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
        let values = Set(population.keys).union(seats.keys).sorted()
        let rows = values.map {
            row(group: $0, population: population[$0] ?? 0, demand: need[$0] ?? 0, seats: seats[$0] ?? 0,
                norm: normSeatsPerThousand)
        }
        let total = row(group: "total", population: rows.reduce(0) { $0 + $1.population },
                        demand: rows.reduce(0) { $0 + $1.demand }, seats: rows.reduce(0) { $0 + $1.seats },
                        norm: normSeatsPerThousand)
        return SeatBalanceResult(parameters: MeasureParameters(method: .seatBalance, norm: norm),
                                 groupKey: groupKey, rows: rows, total: total)
    }

    static func row(group: String, population: Double, demand: Double, seats: Double, norm: Double?) -> SeatBalanceRow {
        let normSeats = norm.map { population * $0 / 1000 }
        return SeatBalanceRow(group: group, population: population, demand: demand, seats: seats,
                              deficit: max(0, demand - seats), surplus: max(0, seats - demand),
                              seatsPerThousand: population > 0 ? seats / population * 1000 : nil,
                              normSeatsPerThousand: norm, normSeats: normSeats,
                              normDeficit: normSeats.map { max(0, $0 - seats) })
    }
}
