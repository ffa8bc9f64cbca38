import QadamData
import QadamGeo

extension ScenarioRunner {
    /// For each flagged monotown: geodesic distance and estimated road distance and time to its
    /// oblast centre (the settlement classed from `cities_status.csv` as that oblast's centre;
    /// for the republican cities, the city) and to the nearest agglomeration core.
    func monotownTravel() throws -> ScenarioReport {
        guard let settlements = try classifiedSettlements() else { return needs([Self.needsClassified]) }
        let agglomerations = try store.agglomerations()
        guard !agglomerations.isEmpty else { return needs(["layer agglomerations"]) }
        let estimate = scenario.parameters.estimate
        let centres = Dictionary(settlements.filter { $0.classBasis == ClassBasis.oblastCentre || $0.settlementClass == .cityRepublican }
                                    .compactMap { s in s.oblastID.map { ($0, s) } }, uniquingKeysWith: { a, _ in a })
        let monotowns = settlements.filter(\.flags.monotown).sorted { ($0.names.display ?? $0.id) < ($1.names.display ?? $1.id) }
        var table = ScenarioTable(title: "Monotowns: estimated travel (×\(estimate.detourFactor) detour, \(Int(estimate.speedKmh)) km/h)",
                                  columns: ["monotown", "population", "oblast_centre", "km", "road_km_est", "min_est",
                                            "nearest_core", "core_km", "core_road_km_est", "core_min_est"], rows: [])
        var toCentre: [Double] = [], toCore: [Double] = []
        for m in monotowns {
            var row = [m.names.display ?? m.id, m.population.map(String.init) ?? "-"]
            if let c = m.oblastID.flatMap({ centres[$0] }) {
                let d = Geodesic.distance(m.point, c.point)
                toCentre.append(d)
                row += [c.names.display ?? c.id, Self.km(d), Self.km(estimate.roadMetres(straightLine: d)),
                        Self.minutes(estimate.travelSeconds(straightLine: d))]
            } else {
                row += ["(no oblast centre in the dataset)", "-", "-", "-"]
            }
            let (a, d) = agglomerations.map { ($0, Geodesic.distance(m.point, $0.core)) }.min { $0.1 < $1.1 }!
            toCore.append(d)
            row += [a.name, Self.km(d), Self.km(estimate.roadMetres(straightLine: d)), Self.minutes(estimate.travelSeconds(straightLine: d))]
            table.rows.append(row)
        }
        return report(figures: [("monotowns", Double(monotowns.count), "towns"),
                                ("median_km_to_oblast_centre", Self.median(toCentre) / 1000, "km"),
                                ("median_km_to_agglomeration_core", Self.median(toCore) / 1000, "km"),
                                ("monotowns_within_90km_of_a_core", Double(toCore.filter { $0 <= 90_000 }.count), "towns")],
                      tables: [table])
    }

    static func median(_ values: [Double]) -> Double {
        guard !values.isEmpty else { return .nan }
        let s = values.sorted()
        return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
    }
}
