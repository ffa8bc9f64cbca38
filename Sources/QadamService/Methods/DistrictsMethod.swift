import QadamData
import QadamGeo
import QadamProtocol

/// `districts`: what a report's map draws for an area — the districts one level below it,
/// with simplified outlines, and the facilities inside it.
///
/// Without `area`: the top level the dataset has (the oblasts, for Kazakhstan). With an area:
/// the districts of the next level down whose interior point lies inside it (an oblast's
/// rayons; a city's districts), trying each lower level in turn; an area with nothing below it
/// is drawn as itself. `tolerance_deg` (default 0.001°, about 100 m) simplifies the outlines
/// (topology-preserving), which keeps a national answer small. `include_demand` adds the
/// demand layer's points inside the area (a city's estimate is a few thousand cells).
/// `ids` instead of an area: just those districts' outlines, any level (what a roll-up by
/// district draws in GeoJSON or a GeoPackage), with no facilities.
struct DistrictsParams: Decodable {
    var area: String?
    var ids: [String]?
    var toleranceDeg: Double?
    var includeDemand: Bool?

    enum CodingKeys: String, CodingKey {
        case area, ids, toleranceDeg = "tolerance_deg", includeDemand = "include_demand"
    }
}

struct DemandDot: Encodable {
    var id: String
    var at: [Double]
    var population: Double
}

struct DistrictShape: Encodable {
    var id: String
    var name: String?
    var level: String
    /// Multipolygon rings, `[[[lon, lat], ...], ...]` per polygon (ring 0 the shell).
    var polygons: [[[[Double]]]]
}

struct FacilityPoint: Encodable {
    var id: String
    var kind: String
    var name: String?
    var at: [Double]
}

struct DistrictsAnswer: Encodable {
    var area: AreaRef?
    var level: String?
    var districts: [DistrictShape]
    var facilities: [FacilityPoint]
    var demand: [DemandDot]?
}

extension MethodRegistry {
    mutating func registerDistricts() {
        register("districts") { raw, snapshot in
            let params = try Params.decode(DistrictsParams.self, from: raw)
            let tolerance = params.toleranceDeg ?? 0.001
            guard tolerance.isFinite, tolerance >= 0 else {
                throw RPCError.invalidParams(field: "tolerance_deg", "must be a number >= 0")
            }
            let content = try snapshot.dataset
            if let ids = params.ids {
                guard params.area == nil, params.includeDemand != true else {
                    throw RPCError.invalidParams(field: "ids", "give ids or an area (with include_demand), not both")
                }
                let wanted = Set(ids)
                return try AnalyticsOutput.encode(DistrictsAnswer(
                    area: nil, level: nil,
                    districts: try content.districts.filter { wanted.contains($0.id) }.map { try DistrictMap.shape($0, tolerance: tolerance) },
                    facilities: [], demand: nil))
            }
            let inputs = try snapshot.analytics
            let area = try params.area.map { name throws(RPCError) in try inputs.district(named: name) }
            let shown = DistrictMap.children(of: area, in: content.districts)
            let inside = area.map { $0.polygon.prepared() }
            let facilities = content.facilities.filter { inside?.covers($0.point) ?? true }
            return try AnalyticsOutput.encode(DistrictsAnswer(
                area: area.map { AreaRef(id: $0.id, name: $0.names.display, level: $0.level.rawValue) },
                level: shown.first?.level.rawValue,
                districts: try shown.map { try DistrictMap.shape($0, tolerance: tolerance) },
                facilities: facilities.map { FacilityPoint(id: $0.id, kind: $0.kind.rawValue, name: $0.name, at: [$0.point.lon, $0.point.lat]) },
                demand: params.includeDemand == true
                    ? content.demand.filter { inside?.covers($0.point) ?? true }
                        .map { DemandDot(id: $0.id, at: [$0.point.lon, $0.point.lat], population: $0.population) }
                    : nil))
        }
    }
}

/// Which districts a map of an area shows, and their outlines as plain numbers.
enum DistrictMap {
    static let levelsTopDown: [DistrictLevel] = [.oblast, .rayon, .cityDistrict]

    static func children(of area: District?, in districts: [District]) -> [District] {
        guard let area else {
            for level in levelsTopDown {
                let top = districts.filter { $0.level == level }
                if !top.isEmpty { return top }
            }
            return []
        }
        let inside = area.polygon.prepared()
        let below = levelsTopDown.drop { $0 != area.level }.dropFirst()
        let candidates = below.map { level in
            districts.filter { d in
                d.level == level && d.id != area.id
                    && ((try? d.polygon.pointOnSurface()).map { inside.covers($0.coordinates[0]) } ?? false)
            }
        }.filter { !$0.isEmpty }
        // The most specific level that tiles most of the area, so the map's districts are the
        // ones measures group settlements by (a city's districts rather than the rayons that
        // may duplicate them); else the next level down, however little of the area it covers.
        let areaSize = area.polygon.planarArea
        if let tiling = candidates.reversed().first(where: { $0.reduce(0) { $0 + $1.polygon.planarArea } >= 0.5 * areaSize }) {
            return tiling
        }
        if let first = candidates.first { return first }
        return [area]
    }

    static func shape(_ d: District, tolerance: Double) throws -> DistrictShape {
        let outline = tolerance > 0 ? try d.polygon.simplified(tolerance: tolerance) : d.polygon
        let polygons = outline.parts.map { part in part.rings.map { ring in ring.map { [$0.lon, $0.lat] } } }
        return DistrictShape(id: d.id, name: d.names.display, level: d.level.rawValue, polygons: polygons.filter { !$0.isEmpty })
    }
}
