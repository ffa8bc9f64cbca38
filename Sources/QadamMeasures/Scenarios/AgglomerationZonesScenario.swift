import QadamData
import QadamGeo

extension ScenarioRunner {
    /// Settlements and population per zone of one agglomeration (rings by geodesic distance
    /// from its core), counted twice: every place point, and only cities, towns and villages.
    /// Places inside the core city's own ADM1 unit (its microdistricts) are left out.
    func agglomerationZones() throws -> ScenarioReport {
        guard let id = scenario.parameters.agglomeration else { throw ScenarioError("\(scenario.id): parameters.agglomeration is required") }
        guard let agglomeration = try store.agglomerations().first(where: { $0.id == id }) else {
            return needs(["layer agglomerations with id \(id)"])
        }
        guard let settlements = try classifiedSettlements() else { return needs([Self.needsClassified]) }
        let coreCity = settlements.filter { $0.settlementClass == .cityRepublican || $0.settlementClass == .cityOblast }
            .min { Geodesic.distance($0.point, agglomeration.core) < Geodesic.distance($1.point, agglomeration.core) }
        let outsideCore = settlements.filter { $0.settlementClass != nil && ($0.oblastID == nil || $0.oblastID != coreCity?.oblastID) }
        let zones = [AgglomerationZone(name: "intensive", radius: agglomeration.zones.intensiveKm * 1000),
                     AgglomerationZone(name: "active", radius: agglomeration.zones.activeKm * 1000),
                     AgglomerationZone(name: "weak", radius: agglomeration.zones.weakKm * 1000)]
        let core = AgglomerationCore(id: agglomeration.id, name: agglomeration.name, location: agglomeration.core)
        func zoned(_ list: [Settlement]) throws -> AgglomerationZoningResult {
            try AgglomerationZoning.zone(settlements: list.map { DemandSite(id: $0.id, name: $0.names.display, population: Double($0.population ?? 0), location: $0.point) },
                                         cores: [core], zones: zones, estimate: scenario.parameters.estimate)
        }
        let everyPlace = try zoned(outsideCore)
        let populated = outsideCore.filter { ["city", "town", "village"].contains($0.placeType ?? "") }
        let villages = try zoned(populated)
        let unknownPopulation = Dictionary(grouping: villages.settlements.filter { $0.zone != nil }, by: { $0.zone! })
            .mapValues { members in members.filter { m in populated[m.index].population == nil }.count }
        var figures: [(String, Double, String)] = []
        var table = ScenarioTable(title: "\(agglomeration.name): zones from \(coreCity?.names.display ?? "the core point")",
                                  columns: ["zone", "radius_km", "places_all", "cities_towns_villages", "population_known", "villages_population_unknown"],
                                  rows: [])
        for z in zones {
            let all = everyPlace.summary.first { $0.zone == z.name }!
            let v = villages.summary.first { $0.zone == z.name }!
            figures += [("\(z.name).settlements", Double(v.settlements), "settlements"),
                        ("\(z.name).places_all", Double(all.settlements), "places"),
                        ("\(z.name).population_known", v.population, "people")]
            table.rows.append([z.name, Self.km(z.radius), String(all.settlements), String(v.settlements),
                               String(Int(v.population)), String(unknownPopulation[z.name] ?? 0)])
        }
        return report(figures: figures, tables: [table])
    }
}
