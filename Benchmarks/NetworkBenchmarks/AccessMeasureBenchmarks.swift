import Benchmark
import QadamMeasures
import QadamGeo
import QadamNetwork
import TestSupport

/// Coverage and 2SFCA for a synthetic city: population points on the street grid (every
/// 10th vertex), 200 schools, walking costs within 20 minutes from bounded network searches.
/// The cost rows are built once (their cost is the matrix benchmark's); the benchmarks time
/// the measures themselves, which is what a planner re-runs with other cutoffs and supplies.
func accessMeasureBenchmarks(network: StreetNetwork, city: SyntheticCity) {
    let g = network.graph
    var rng = SplitMix64(seed: 11)
    let demand = stride(from: 0, to: g.vertexCount, by: 10).map { v in
        DemandSite(id: "d\(v)", population: Double(Int.random(in: 10...1000, using: &rng)), location: g.coordinate(ofVertex: v))
    }
    let supply = (0..<200).map { i in
        SupplySite(id: "s\(i)", capacity: Double(Int.random(in: 50...500, using: &rng)),
                   location: g.coordinate(ofVertex: Int.random(in: 0..<g.vertexCount, using: &rng)))
    }
    let cutoff = 1200.0
    var rows: [[ReachableSupply]] = []
    NetworkSearch(network: network).matrix(origins: demand.map { $0.location! }, destinations: supply.map { $0.location! },
                                           mode: .walk, limitSeconds: cutoff) { _, measures in
        rows.append(measures.enumerated().compactMap { f, m in m.value.map { ReachableSupply(supply: f, cost: $0.seconds) } })
    }
    let costs = try! SparseCostRows(unit: .seconds, supplyCount: supply.count, horizon: cutoff, rows: rows)

    Benchmark("Coverage, 10k demand points, 200 facilities, 20 min walk (100k)") { _ in
        blackHole(try Coverage.measure(demand: demand, supply: supply, costs: costs, cutoff: cutoff))
    }
    Benchmark("2SFCA, 10k demand points, 200 facilities, 20 min walk (100k)") { _ in
        blackHole(try FloatingCatchment.measure(demand: demand, supply: supply, costs: costs, cutoff: cutoff))
    }
}
