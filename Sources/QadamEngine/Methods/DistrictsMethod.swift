import QadamData
import QadamGeo
import QadamContract

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
extension MethodRegistry {
    mutating func registerDistricts() {
        typealias Answer = RPC.Districts.Result
        register(RPC.Districts.self) { params, snapshot in
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
                return Answer(area: nil, level: nil,
                              districts: try content.districts.filter { wanted.contains($0.id) }.map { try DistrictMap.shape($0, tolerance: tolerance) },
                              facilities: [], demand: nil)
            }
            let inputs = try snapshot.analytics
            let area = try params.area.map { name throws(RPCError) in try inputs.district(named: name) }
            let shown = DistrictMap.children(of: area, in: content.districts)
            let inside = area.map { $0.polygon.prepared() }
            return Answer(
                area: area.map { Answer.Area(id: $0.id, name: $0.names.display, level: $0.level) },
                level: shown.first?.level,
                districts: try shown.map { try DistrictMap.shape($0, tolerance: tolerance) },
                facilities: content.facilities.filter { inside?.covers($0.point) ?? true }
                    .map { Answer.FacilityPoint(id: $0.id, kind: $0.kind, name: $0.name, at: $0.point) },
                demand: params.includeDemand == true
                    ? content.demand.filter { inside?.covers($0.point) ?? true }
                        .map { Answer.DemandPoint(id: $0.id, at: $0.point, population: $0.population) }
                    : nil)
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

    static func shape(_ d: District, tolerance: Double) throws -> RPC.Districts.Result.Shape {
        let outline = tolerance > 0 ? try d.polygon.simplified(tolerance: tolerance) : d.polygon
        let polygons = outline.parts.map { part in part.rings }
        return .init(id: d.id, name: d.names.display, level: d.level, polygons: polygons.filter { !$0.isEmpty })
    }
}
