import QadamData
import QadamGeo

extension ScenarioRunner {
    /// Distance from each documented place (Теректы, Алгабас) to the nearest facility of a kind,
    /// straight line and estimated road, beside the distance the document gives. Needs the
    /// facilities layer with that kind and the places among the settlements.
    func facilityAccess() throws -> ScenarioReport {
        let p = scenario.parameters
        guard let kindName = p.facilityKind, let kind = FacilityKind(rawValue: kindName) else {
            throw ScenarioError("\(scenario.id): parameters.facility_kind must be a facility kind")
        }
        let facilities = try store.facilities().filter { $0.kind == kind }
        let (located, missing) = try locatePlaces(p.places?.map(\.name) ?? [])
        let needed = (facilities.isEmpty ? ["layer facilities with kind \(kind.rawValue)"] : [])
            + missing.map { "settlement named \($0) (a settlements or demand point for it)" }
        guard needed.isEmpty else { return needs(needed) }
        var figures: [(String, Double, String)] = []
        var table = ScenarioTable(title: "Nearest \(kind.rawValue)", columns: ["place", "population_doc", "km_doc", "nearest", "km", "road_km_est"], rows: [])
        for place in p.places ?? [] {
            let s = located[place.name]!
            let (f, d) = facilities.map { ($0, Geodesic.distance(s.point, $0.point)) }.min { $0.1 < $1.1 }!
            figures.append(("\(place.name).km_to_nearest", d / 1000, "km (straight line)"))
            table.rows.append([place.name, place.population.map { String(Int($0)) } ?? "-", place.distanceKm.map { String($0) } ?? "-",
                               f.name ?? f.id, Self.km(d), Self.km(p.estimate.roadMetres(straightLine: d))])
        }
        return report(figures: figures, tables: [table])
    }

    /// Settlements by name (any name form), the namesake nearest the agglomeration core when
    /// the scenario names one; and the names not found.
    func locatePlaces(_ names: [String]) throws -> (found: [String: Settlement], missing: [String]) {
        let settlements = try store.settlements()
        let core = try scenario.parameters.agglomeration.flatMap { id in try store.agglomerations().first { $0.id == id }?.core }
        var found: [String: Settlement] = [:], missing: [String] = []
        for name in names {
            let key = PlaceNameKey(name)
            let namesakes = settlements.filter { PlaceNameKey.keys(of: $0.names).contains(key) }
            let pick = core.map { c in namesakes.min { Geodesic.distance($0.point, c) < Geodesic.distance($1.point, c) } } ?? namesakes.first
            if let pick { found[name] = pick } else { missing.append(name) }
        }
        return (found, missing)
    }
}
