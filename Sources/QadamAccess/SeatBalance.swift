/// Seats against demand in one group (usually a district).
public struct SeatBalanceRow: Codable, Sendable, Equatable {
    public var group: String
    /// The group's name for people (a district's name for its id), filled in by the caller.
    public var name: String? = nil
    public var population: Double
    /// Weighted population needing a seat (e.g. school-age children).
    public var demand: Double
    /// Seats of the facilities whose capacity is known (all of them when `capacityUnknown` is 0).
    public var seats: Double
    /// Facilities in the group whose capacity is unknown. When it is above 0 the group's seats
    /// are not known, so `deficit`, `surplus`, `seatsPerThousand` and `normDeficit` are nil
    /// rather than figures that would count those facilities as 0 seats.
    public var capacityUnknown: Int
    /// `max(0, demand - seats)`; nil when some capacity is unknown.
    public var deficit: Double?
    /// The deficit if the facilities of unknown capacity had no seats at all: an upper bound,
    /// given only when some capacity is unknown.
    public var deficitAtMost: Double?
    /// `max(0, seats - demand)`; nil when some capacity is unknown.
    public var surplus: Double?
    /// Planning ratio: seats per 1,000 residents; nil with no residents or unknown capacity.
    public var seatsPerThousand: Double?
    /// The norm's seats per 1,000 residents, when one was given.
    public var normSeatsPerThousand: Double?
    /// Seats the norm asks for: `population × norm / 1000`.
    public var normSeats: Double?
    /// `max(0, normSeats - seats)`; nil when some capacity is unknown.
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
