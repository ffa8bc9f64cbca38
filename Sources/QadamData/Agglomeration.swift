import QadamGeo
import QadamContract

/// Outer radii of the zones in kilometres, measured geodesically from the core
/// (Almaty 2021: intensive 30–45 km, active 70 km, weak 90 km).
public struct AgglomerationZones: Codable, Sendable, Hashable {
    public var intensiveKm: Double
    public var activeKm: Double
    public var weakKm: Double

    public init(intensiveKm: Double, activeKm: Double, weakKm: Double) {
        self.intensiveKm = intensiveKm; self.activeKm = activeKm; self.weakKm = weakKm
    }

    enum CodingKeys: String, CodingKey {
        case intensiveKm = "intensive_km", activeKm = "active_km", weakKm = "weak_km"
    }

    /// The innermost zone whose radius reaches `distanceMetres`; nil beyond the weak zone.
    public func zone(atDistance distanceMetres: Double) -> AgglomerationZone? {
        let km = distanceMetres / 1000
        if km <= intensiveKm { return .intensive }
        if km <= activeKm { return .active }
        if km <= weakKm { return .weak }
        return nil
    }
}

/// A core city with its zones of influence and, where defined, its member settlements.
public struct Agglomeration: LayerRecord {
    public static let layer = LayerKind.agglomerations

    public var id: String
    public var name: String
    public var coreSettlementID: String?
    public var core: Coordinate
    public var zones: AgglomerationZones
    public var memberIDs: [String]?

    public init(id: String, name: String, coreSettlementID: String? = nil, core: Coordinate,
                zones: AgglomerationZones, memberIDs: [String]? = nil) {
        self.id = id; self.name = name; self.coreSettlementID = coreSettlementID; self.core = core
        self.zones = zones; self.memberIDs = memberIDs
    }

    enum CodingKeys: String, CodingKey {
        case id, name, coreSettlementID = "core_settlement_id", core, zones, memberIDs = "member_ids"
    }

    /// The zone containing `point` and its geodesic distance from the core in metres; nil outside.
    public func zone(of point: Coordinate) -> (zone: AgglomerationZone, distance: Double)? {
        let d = Geodesic.distance(core, point)
        return zones.zone(atDistance: d).map { ($0, d) }
    }

    public var storedGeometry: Geometry? { .point(core) }
    public var columns: RecordColumns { RecordColumns(name: name, kind: nil, population: nil) }
}
