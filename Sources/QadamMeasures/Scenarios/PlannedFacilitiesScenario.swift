import QadamData
import QadamGeo
import QadamContract

extension ScenarioRunner {
    /// What-if: population within a straight-line cutoff of a facility of a kind, before and
    /// after adding planned facilities at named places (Наурызбайский: Каргалы, Шугыла).
    /// Needs the facilities layer with that kind, the demand layer and the places.
    func plannedFacilities() throws -> ScenarioReport {
        let p = scenario.parameters
        guard let kindName = p.facilityKind, let kind = FacilityKind(rawValue: kindName), let cutoff = p.cutoffMetres,
              let planned = p.planned, !planned.isEmpty else {
            throw ScenarioError("\(scenario.id): facility_kind, cutoff_metres and planned are required")
        }
        let facilities = try store.facilities().filter { $0.kind == kind }
        let demandPoints = try store.demand()
        let (located, missing) = try locatePlaces(planned.map(\.at))
        let needed = (facilities.isEmpty ? ["layer facilities with kind \(kind.rawValue)"] : [])
            + (demandPoints.isEmpty ? ["layer demand (residential population points)"] : [])
            + missing.map { "settlement named \($0) (where a planned facility goes)" }
        guard needed.isEmpty else { return needs(needed) }
        let demand = demandPoints.map { DemandSite(id: $0.id, population: $0.population, location: $0.point) }
        let existing = facilities.map { SupplySite(id: $0.id, name: $0.name, capacity: $0.capacity ?? 0, location: $0.point) }
        let added = planned.map { SupplySite(id: "planned:\($0.name)", name: $0.name, capacity: $0.capacity, location: located[$0.at]!.point) }
        let straight = RoadEstimate(detourFactor: 1, speedKmh: 5)
        func covered(_ supply: [SupplySite]) throws -> Double {
            try Coverage.measure(demand: demand, supply: supply,
                                 costs: StraightLineTravelCosts(demand: demand, supply: supply, unit: .metres, estimate: straight),
                                 cutoff: cutoff).coveredPopulation
        }
        let before = try covered(existing), after = try covered(existing + added)
        let table = ScenarioTable(title: "Planned \(kind.rawValue)s", columns: ["name", "at", "capacity"],
                                  rows: planned.map { [$0.name, $0.at, String(Int($0.capacity))] })
        return report(figures: [("covered_before", before, "people"), ("covered_after", after, "people"),
                                ("covered_gain", after - before, "people")], tables: [table])
    }
}
