import QadamContract

/// The records of one layer, whatever their type, as the importer hands them to the store.
public enum LayerRecords: Sendable {
    case settlements([Settlement])
    case districts([District])
    case facilities([Facility])
    case demand([DemandPoint])
    case agglomerations([Agglomeration])
    case polycentres([Polycentre])
    case network([Feature])

    public var layer: LayerKind {
        switch self {
        case .settlements: return .settlements
        case .districts: return .districts
        case .facilities: return .facilities
        case .demand: return .demand
        case .agglomerations: return .agglomerations
        case .polycentres: return .polycentres
        case .network: return .network
        }
    }

    public var count: Int {
        switch self {
        case .settlements(let r): return r.count
        case .districts(let r): return r.count
        case .facilities(let r): return r.count
        case .demand(let r): return r.count
        case .agglomerations(let r): return r.count
        case .polycentres(let r): return r.count
        case .network(let r): return r.count
        }
    }
}
