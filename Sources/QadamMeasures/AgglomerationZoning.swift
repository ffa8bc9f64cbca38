import QadamGeo
import QadamContract

/// A zone of influence: settlements within `radius` metres (straight line) of a core.
public struct AgglomerationZone: Codable, Sendable, Equatable {
    public var name: String
    public var radius: Double
    public init(name: String, radius: Double) {
        self.name = name
        self.radius = radius
    }
}

/// A core city (or one of several cores) of an agglomeration.
public struct AgglomerationCore: Codable, Sendable, Equatable {
    public var id: String
    public var name: String?
    public var location: Coordinate
    public init(id: String, name: String? = nil, location: Coordinate) {
        self.id = id
        self.name = name
        self.location = location
    }
}

/// Turns straight-line distance into an *estimated* road distance and travel time, for when no
/// network is loaded. Roads are longer than the straight line: the ratio (circuity or detour
/// factor) is about 1.2–1.4 in published comparisons (e.g. Boscoe, Henry & Zdeb 2012, mean
/// ≈ 1.4 over short US trips, falling towards 1.2–1.3 at tens of kilometres). The default 1.3
/// suits inter-settlement trips of 10–100 km; pass a locally calibrated one where known.
public struct RoadEstimate: Codable, Sendable, Equatable {
    public var detourFactor: Double
    public var speedKmh: Double
    public init(detourFactor: Double = 1.3, speedKmh: Double = 60) {
        self.detourFactor = detourFactor
        self.speedKmh = speedKmh
    }

    public func roadMetres(straightLine metres: Double) -> Double { metres * detourFactor }
    public func travelSeconds(straightLine metres: Double) -> Double { roadMetres(straightLine: metres) / (speedKmh / 3.6) }

    func validate() throws {
        guard detourFactor.isFinite, detourFactor >= 1 else {
            throw AccessError.invalidParameter(name: "detourFactor", value: "\(detourFactor)", reason: "must be >= 1")
        }
        guard speedKmh.isFinite, speedKmh > 0 else {
            throw AccessError.invalidParameter(name: "speedKmh", value: "\(speedKmh)", reason: "must be > 0")
        }
    }
}

public struct ZonedSettlement: Codable, Sendable, Equatable {
    public var index: Int
    public var id: String
    public var name: String?
    public var population: Double
    /// Innermost zone containing the settlement; nil = outside every zone.
    public var zone: String?
    public var nearestCoreId: String
    /// Geodesic distance to the nearest core, metres.
    public var straightLineMetres: Double
    /// Estimated, not measured on a network: straight line × detour factor.
    public var estimatedRoadMetres: Double
    /// Estimated: estimated road distance at the estimate's speed.
    public var estimatedTravelSeconds: Double
}

public struct ZoneSummary: Codable, Sendable, Equatable {
    /// Zone name, or nil for settlements outside all zones.
    public var zone: String?
    public var settlements: Int
    public var population: Double

    public init(zone: String?, settlements: Int, population: Double) {
        self.zone = zone
        self.settlements = settlements
        self.population = population
    }
}

public struct AgglomerationZoningResult: Codable, Sendable, Equatable {
    public var parameters: MeasureParameters
    public var zones: [AgglomerationZone]
    public var estimate: RoadEstimate
    /// Always "estimated": road distances and times here come from straight lines.
    public var basis: String
    public var settlements: [ZonedSettlement]
    /// One row per zone, innermost first, then one for "outside".
    public var summary: [ZoneSummary]
}

public enum AgglomerationZoning {
    /// Almaty's zones of influence as of the start of 2021 (intensive 30–45 km, active 70 km,
    /// weak 90 km); the intensive zone takes its outer bound.
    public static let almaty2021: [AgglomerationZone] = [
        AgglomerationZone(name: "intensive", radius: 45_000),
        AgglomerationZone(name: "active", radius: 70_000),
        AgglomerationZone(name: "weak", radius: 90_000),
    ]

    /// Zones each settlement by geodesic distance to the nearest core. Zones are rings: a
    /// settlement belongs to the smallest zone whose radius reaches it.
    public static func zone(settlements: [DemandSite], cores: [AgglomerationCore],
                            zones: [AgglomerationZone] = almaty2021, estimate: RoadEstimate = RoadEstimate(),
                            norm: String? = nil) throws -> AgglomerationZoningResult {
        try InputCheck.demand(settlements)
        try estimate.validate()
        guard !cores.isEmpty else { throw AccessError.invalidParameter(name: "cores", value: "[]", reason: "needs at least one core") }
        for z in zones { try InputCheck.cutoff(z.radius, name: "radius of zone \(z.name)") }
        let rings = zones.sorted { $0.radius < $1.radius }
        let zoned = try settlements.enumerated().map { i, s -> ZonedSettlement in
            guard let p = s.location else { throw AccessError.missingLocation(site: "settlement", index: i, id: s.id) }
            let (core, d) = cores.map { core in (core, Geodesic.distance(core.location, p)) }.min { $0.1 < $1.1 }!
            return ZonedSettlement(index: i, id: s.id, name: s.name, population: s.population,
                                   zone: rings.first { d <= $0.radius }?.name, nearestCoreId: core.id,
                                   straightLineMetres: d, estimatedRoadMetres: estimate.roadMetres(straightLine: d),
                                   estimatedTravelSeconds: estimate.travelSeconds(straightLine: d))
        }
        let summary = summary(rings: rings, members: zoned.map { z in (rings.firstIndex { $0.name == z.zone }, z.population) })
        return AgglomerationZoningResult(parameters: MeasureParameters(method: .agglomerationZoning, unit: .metres, norm: norm),
                                         zones: rings, estimate: estimate, basis: "estimated",
                                         settlements: zoned, summary: summary)
    }

    /// Settlements and people per zone (`rings` innermost first), then outside them all, from
    /// each member's zone (an index into `rings`; nil outside) and population. The daemon keeps
    /// each settlement's zone per snapshot and calls this alone for every request.
    /// An array, not any sequence: a generic sequence is not specialised across modules, and
    /// iterating one element by element through metadata lookups took most of a request.
    public static func summary(rings: [AgglomerationZone], members: [(ring: Int?, population: Double)]) -> [ZoneSummary] {
        var counts = Array(repeating: 0, count: rings.count + 1)
        var people = Array(repeating: 0.0, count: rings.count + 1)
        for member in members {
            let slot = member.ring ?? rings.count
            counts[slot] += 1
            people[slot] += member.population
        }
        return (0...rings.count).map { slot in
            ZoneSummary(zone: slot < rings.count ? rings[slot].name : nil, settlements: counts[slot], population: people[slot])
        }
    }
}
