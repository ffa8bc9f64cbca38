/// Bad input to a measure, located by the site or parameter at fault.
public enum AccessError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A count of sites does not match the travel-cost source's dimensions.
    case dimensionMismatch(what: String, expected: Int, actual: Int)
    /// A demand site's population or weight is negative or not finite.
    case invalidDemand(index: Int, id: String, field: String, value: Double)
    /// A supply site's capacity is negative or not finite.
    case invalidSupply(index: Int, id: String, field: String, value: Double)
    /// A site lacks the group key a roll-up asked for.
    case missingGroup(site: String, index: Int, id: String, key: String)
    /// A demand site needed a location (zoning, straight-line estimates) and has none.
    case missingLocation(site: String, index: Int, id: String)
    /// A parameter is out of range.
    case invalidParameter(name: String, value: String, reason: String)
    /// A travel-cost entry is malformed.
    case invalidCost(row: Int, supply: Int, cost: Double, reason: String)
    /// A provision requirement names a facility kind with no cost source.
    case missingService(kind: String)
    /// A what-if change refers to a facility that does not exist.
    case unknownSupply(index: Int, count: Int)

    public var description: String {
        switch self {
        case let .dimensionMismatch(what, expected, actual):
            return "\(what): expected \(expected), got \(actual)"
        case let .invalidDemand(index, id, field, value):
            return "demand site \(index) ('\(id)'): \(field) must be finite and >= 0, got \(value)"
        case let .invalidSupply(index, id, field, value):
            return "supply site \(index) ('\(id)'): \(field) must be finite and >= 0, got \(value)"
        case let .missingGroup(site, index, id, key):
            return "\(site) site \(index) ('\(id)') has no value for group key '\(key)'"
        case let .missingLocation(site, index, id):
            return "\(site) site \(index) ('\(id)') has no location"
        case let .invalidParameter(name, value, reason):
            return "parameter \(name) = \(value): \(reason)"
        case let .invalidCost(row, supply, cost, reason):
            return "travel cost row \(row), supply \(supply), cost \(cost): \(reason)"
        case let .missingService(kind):
            return "no travel-cost source given for facility kind '\(kind)'"
        case let .unknownSupply(index, count):
            return "supply index \(index) is out of range (there are \(count) facilities)"
        }
    }
}

/// Checks shared by every measure: sites are well-formed and match the cost source.
enum InputCheck {
    static func demand(_ sites: [DemandSite]) throws {
        for (i, s) in sites.enumerated() {
            if !(s.population.isFinite && s.population >= 0) {
                throw AccessError.invalidDemand(index: i, id: s.id, field: "population", value: s.population)
            }
            if !(s.weight.isFinite && s.weight >= 0) {
                throw AccessError.invalidDemand(index: i, id: s.id, field: "weight", value: s.weight)
            }
        }
    }

    static func supply(_ sites: [SupplySite]) throws {
        for (j, s) in sites.enumerated() where !(s.capacity.isFinite && s.capacity >= 0) {
            throw AccessError.invalidSupply(index: j, id: s.id, field: "capacity", value: s.capacity)
        }
    }

    static func sites(_ demand: [DemandSite], _ supply: [SupplySite], _ costs: some TravelCosts) throws {
        try self.demand(demand)
        try self.supply(supply)
        if costs.demandCount != demand.count {
            throw AccessError.dimensionMismatch(what: "demand sites vs travel-cost rows",
                                                expected: costs.demandCount, actual: demand.count)
        }
        if costs.supplyCount != supply.count {
            throw AccessError.dimensionMismatch(what: "supply sites vs travel-cost columns",
                                                expected: costs.supplyCount, actual: supply.count)
        }
    }

    static func cutoff(_ cutoff: Double, name: String = "cutoff") throws {
        if !(cutoff >= 0) || cutoff.isNaN {
            throw AccessError.invalidParameter(name: name, value: "\(cutoff)", reason: "must be >= 0")
        }
    }
}
