import QadamMeasures
import QadamData
import QadamContract

/// How a query wants facilities whose capacity the data does not give: left unknown (the
/// default: capacity measures then say how many and give no figure that would count them as 0
/// seats), or filled with an assumed number, stated in the result.
enum CapacityAssumptionChoice: Sendable, Equatable {
    case none
    /// A number the user gave (`assume_capacity: 1200`).
    case explicit(Double)
    /// The norms catalogue's `assumed_capacity` for the kind (`assume_capacity: "catalogue"`).
    case catalogue

    /// Reads the `assume_capacity` parameter: a positive number or the word `catalogue`.
    static func parse(_ value: QadamContract.JSONValue?) throws(RPCError) -> CapacityAssumptionChoice {
        switch value {
        case nil, .null?: return .none
        case .int?, .double?:
            let n = value?.doubleValue ?? .nan
            guard n.isFinite, n > 0 else { throw RPCError.invalidParams(field: "assume_capacity", "must be a positive number or \"catalogue\", got \(n)") }
            return .explicit(n)
        case .string("catalogue")?: return .catalogue
        case let other?:
            throw RPCError.invalidParams(field: "assume_capacity", "must be a positive number or \"catalogue\", got \(other.typeName)")
        }
    }

    /// The capacity to assume for `kind` and where it comes from, or nil for `none`.
    func resolve(kind: String, norms: NormsCatalogue) throws(RPCError) -> (value: Double, source: String)? {
        switch self {
        case .none: return nil
        case .explicit(let value): return (value, "explicit")
        case .catalogue:
            guard let rule = norms.rules.first(where: { $0.facilityKind == kind && $0.assumedCapacity != nil }),
                  let value = rule.assumedCapacity else {
                throw RPCError.invalidParams(field: "assume_capacity",
                    "the norms catalogue gives no assumed_capacity for \(kind); pass a number instead")
            }
            return (value, rule.id)
        }
    }
}

/// The facilities of one kind, split by what is known of their capacity.
struct KindSupply: Sendable {
    /// Every facility of the kind, for measures that only need where facilities are (coverage,
    /// nearest, siting). Unknown capacities are carried as 0 here and must not be read: use
    /// `withCapacity` for anything that counts seats.
    let located: [SupplySite]
    /// Facilities whose capacity is known or was assumed, for measures that count seats.
    let withCapacity: [SupplySite]
    /// Facilities whose capacity is unknown and was not assumed (their district in `groups`).
    let capacityUnknown: [SupplySite]
    let assumption: CapacityAssumption?

    init(facilities: [Facility], kind: String, assumed: (value: Double, source: String)?,
         districtID: (Facility) -> String) {
        let chosen = facilities.filter { $0.kind.rawValue == kind }
        let missing = chosen.filter { $0.capacity == nil }.count
        var located: [SupplySite] = [], withCapacity: [SupplySite] = [], unknown: [SupplySite] = []
        for f in chosen {
            let capacity = f.capacity ?? assumed?.value
            let site = SupplySite(id: f.id, name: f.name, capacity: capacity ?? 0, currentLoad: f.load,
                                  groups: [GroupKey.district: districtID(f)], location: f.point)
            located.append(site)
            if capacity == nil { unknown.append(site) } else { withCapacity.append(site) }
        }
        self.located = located
        self.withCapacity = withCapacity
        self.capacityUnknown = unknown
        assumption = assumed.flatMap { missing > 0 ? CapacityAssumption(facilities: missing, capacity: $0.value, source: $0.source) : nil }
    }
}
