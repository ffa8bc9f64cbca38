import QadamData
import QadamGeo
import QadamContract

extension ScenarioRunner {
    /// Distance from each documented place (Теректы, Алгабас) to the nearest facility of the
    /// scenario's kinds, beside the distance the document gives: straight line always, and on
    /// foot and by car over the street network when the runner has one (`routing`). The
    /// documented figure is compared with the road distance by car where there is a network,
    /// else with the straight line.
    func facilityAccess() throws -> ScenarioReport {
        let p = scenario.parameters
        let kinds = try ([p.facilityKind] + (p.alsoKinds ?? []).map(Optional.some)).map { name -> FacilityKind in
            guard let name, let kind = FacilityKind(rawValue: name) else {
                throw ScenarioError("\(scenario.id): parameters.facility_kind and also_kinds must be facility kinds")
            }
            return kind
        }
        let facilities = try store.facilities().filter { kinds.contains($0.kind) }
        let (located, missing) = try locatePlaces(p.places?.map(\.name) ?? [])
        let kindNames = kinds.map(\.rawValue).joined(separator: " or ")
        let needed = (facilities.isEmpty ? ["layer facilities with kind \(kindNames)"] : [])
            + missing.map { "settlement named \($0) (a settlements or demand point for it)" }
        guard needed.isEmpty else { return needs(needed) }
        var figures: [(String, Double, String)] = []
        var table = ScenarioTable(title: "Nearest \(kindNames)",
                                  columns: ["place", "population_doc", "km_doc", "nearest", "straight_km", "walk_km", "walk_min",
                                            "drive_km", "drive_min", "nearest_by_car"], rows: [])
        for place in p.places ?? [] {
            let s = located[place.name]!
            let (f, d) = facilities.map { ($0, Geodesic.distance(s.point, $0.point)) }.min { $0.1 < $1.1 }!
            let walk = try routing.flatMap { try nearest(from: s.point, kinds: kinds, profile: "walk", routing: $0) }
            let drive = try routing.flatMap { try nearest(from: s.point, kinds: kinds, profile: "drive", routing: $0) }
            if let drive {
                figures.append(("\(place.name).km_to_nearest", drive.metres / 1000, "km (by road, network)"))
                figures.append(("\(place.name).straight_km", d / 1000, "km (straight line)"))
            } else {
                figures.append(("\(place.name).km_to_nearest", d / 1000, "km (straight line)"))
            }
            if let walk {
                figures.append(("\(place.name).walk_km", walk.metres / 1000, "km (on foot, network)"))
                figures.append(("\(place.name).walk_min", walk.seconds / 60, "min (on foot, network)"))
            }
            if let drive { figures.append(("\(place.name).drive_min", drive.seconds / 60, "min (by car, network)")) }
            table.rows.append([place.name, place.population.map { String(Int($0)) } ?? "-", place.distanceKm.map { String($0) } ?? "-",
                               f.name ?? f.id, Self.km(d), walk.map { Self.km($0.metres) } ?? "-",
                               walk.map { String(format: "%.0f", $0.seconds / 60) } ?? "-",
                               drive.map { Self.km($0.metres) } ?? "-", drive.map { String(format: "%.0f", $0.seconds / 60) } ?? "-",
                               drive.map { $0.name ?? $0.id } ?? "-"])
        }
        return report(figures: figures, tables: [table])
    }

    /// The nearest of several kinds over the network, by length.
    private func nearest(from point: Coordinate, kinds: [FacilityKind], profile: String,
                         routing: ScenarioRouting) throws -> RoutedFacility? {
        try kinds.compactMap { try routing.nearest(from: point, kind: $0, profile: profile) }.min { $0.metres < $1.metres }
    }

    /// Settlements by name (any name form): among namesakes (the country has many Теректі and
    /// Алғабас) those inside the street network's extent first, then the one nearest the
    /// agglomeration core when the scenario names one; and the names not found.
    func locatePlaces(_ names: [String]) throws -> (found: [String: Settlement], missing: [String]) {
        let settlements = try store.settlements()
        let core = try scenario.parameters.agglomeration.flatMap { id in try store.agglomerations().first { $0.id == id }?.core }
        let network = try store.info().layer(.network)?.extent
        var found: [String: Settlement] = [:], missing: [String] = []
        for name in names {
            let key = PlaceNameKey(name)
            let all = settlements.filter { PlaceNameKey.keys(of: $0.names).contains(key) }
            let onNetwork = all.filter { network?.contains($0.point) ?? false }
            let namesakes = onNetwork.isEmpty ? all : onNetwork
            let pick = core.map { c in namesakes.min { Geodesic.distance($0.point, c) < Geodesic.distance($1.point, c) } } ?? namesakes.first
            if let pick { found[name] = pick } else { missing.append(name) }
        }
        return (found, missing)
    }
}
