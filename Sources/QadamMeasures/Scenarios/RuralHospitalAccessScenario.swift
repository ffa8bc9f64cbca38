import QadamData
import QadamGeo
import QadamContract

extension ScenarioRunner {
    /// Villages farther than the cutoff (estimated travel time) from the nearest settlement
    /// assumed to host a district hospital or polyclinic: every rayon seat and every city or
    /// town of oblast or republican significance. By oblast.
    func ruralHospitalAccess() throws -> ScenarioReport {
        guard let settlements = try classifiedSettlements() else { return needs([Self.needsClassified]) }
        let p = scenario.parameters
        let excluded = Set(p.excludePlaces ?? [])
        let villageClasses: Set<SettlementClass> = [.ruralOkrugCentre, .villageSupport, .villageSatellite, .villageOther]
        let villages = settlements.filter { s in s.settlementClass.map(villageClasses.contains) == true && !excluded.contains(s.placeType ?? "") }
        let hosts = settlements.filter { $0.seatOf != nil || $0.settlementClass == .cityRepublican || $0.settlementClass == .cityOblast }
        let oblastNames = Dictionary(try store.districts().filter { $0.level == .oblast }.map { ($0.id, $0.names.ru ?? $0.names.display ?? $0.id) },
                                     uniquingKeysWith: { a, _ in a })
        let demand = villages.map { v in
            DemandSite(id: v.id, name: v.names.display, population: Double(v.population ?? 0),
                       groups: [GroupKey.oblast: v.oblastID.flatMap { oblastNames[$0] } ?? "unknown"], location: v.point)
        }
        let supply = hosts.map { SupplySite(id: $0.id, name: $0.names.display, capacity: 1, location: $0.point) }
        let costs = try StraightLineTravelCosts(demand: demand, supply: supply, unit: .seconds, estimate: p.estimate)
        let cutoff = (p.cutoffMinutes ?? 30) * 60
        let coverage = try Coverage.measure(demand: demand, supply: supply, costs: costs, cutoff: cutoff, groupBy: [GroupKey.oblast])
        var table = ScenarioTable(title: "Villages beyond \(Int(cutoff / 60)) min (estimated) of a rayon seat or city, by oblast",
                                  columns: ["oblast", "villages", "beyond", "beyond_share", "population_known", "population_beyond"], rows: [])
        for g in coverage.groups {
            table.rows.append([g.value, String(g.sites), String(g.uncoveredSites),
                               String(format: "%.1f%%", 100 * Double(g.uncoveredSites) / Double(max(g.sites, 1))),
                               String(Int(g.totalPopulation)), String(Int(g.uncoveredPopulation))])
        }
        var farthest = ScenarioTable(title: "Largest villages beyond the cutoff", columns: ["village", "population", "nearest_host", "min_est"], rows: [])
        for u in coverage.uncovered.prefix(15) {
            farthest.rows.append([u.name ?? u.id, String(Int(u.population)), u.nearestSupplyId.flatMap { id in hosts.first { $0.id == id }?.names.display } ?? "-",
                                  u.nearestCost.map(Self.minutes) ?? "-"])
        }
        return report(figures: [("villages", Double(demand.count), "villages"),
                                ("hosts", Double(supply.count), "settlements"),
                                ("villages_beyond_cutoff", Double(demand.count - coverage.coveredSites), "villages"),
                                ("population_beyond_cutoff", coverage.uncoveredPopulation, "people (known population only)")],
                      tables: [table, farthest])
    }
}
