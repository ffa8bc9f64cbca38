import Foundation
import QadamMeasures
import QadamGeo
import QadamNetwork
import TestSupport

/// A synthetic city with facilities and demand on its vertices, exported with Qadam's own
/// answers and timings, so the Python harness can run pandana, networkx and PySAL access on
/// exactly the same graph and check that they agree.
///
/// Facilities and demand sit on vertices because the peers work on vertices (pandana snaps a
/// point of interest to its nearest node); a Qadam query from a vertex's coordinate snaps onto
/// one of its edges at that end, so both sides answer the same question.
struct ComparisonExport {
    let city: SyntheticCity
    let seed: UInt64
    /// One facility per this many vertices (200 schools in a 100k-vertex city).
    let verticesPerFacility = 500
    /// One demand point per this many vertices.
    let verticesPerDemandPoint = 10
    /// Catchment for 2SFCA and radius of the networkx ego graph, seconds of walking.
    let catchmentSeconds = 1200.0
    let egoSeconds = 600.0
    let searchSources = 5

    init(approximateVertices: Int, seed: UInt64) {
        city = SyntheticCity(approximateVertices: approximateVertices, seed: seed)
        self.seed = seed
    }

    func write(to directory: URL) throws {
        var timings: [String: Double] = [:]
        let (graph, buildSeconds) = Measure.time { city.graph() }
        let (network, snapIndexSeconds) = Measure.time { StreetNetwork(graph: graph) }
        timings["graph_build_s"] = buildSeconds
        timings["snap_index_s"] = snapIndexSeconds
        try GraphCSVExport.write(graph, mode: .walk, toDirectory: directory)

        let walkable = (0..<graph.vertexCount).filter { v in
            (Int(graph.firstArc[v])..<Int(graph.firstArc[v + 1])).contains { graph.isUsable(edge: Int(graph.arcEdge[$0]) >> 1, by: .walk) }
        }
        var rng = SplitMix64(seed: seed &+ 1000)
        let shuffled = walkable.shuffled(using: &rng)
        let facilityNodes = Array(shuffled.prefix(max(10, graph.vertexCount / verticesPerFacility)))
        let demandNodes = Array(shuffled.dropFirst(facilityNodes.count).prefix(max(100, graph.vertexCount / verticesPerDemandPoint)))
        let supply = facilityNodes.enumerated().map { i, v in
            SupplySite(id: "f\(i)", capacity: Double(Int.random(in: 50...500, using: &rng)), location: graph.coordinate(ofVertex: v))
        }
        let demand = demandNodes.enumerated().map { i, v in
            DemandSite(id: "d\(i)", population: Double(Int.random(in: 10...1000, using: &rng)), location: graph.coordinate(ofVertex: v))
        }
        try writeCSV(directory.appendingPathComponent("facilities.csv"), header: "id,node,lon,lat,capacity",
                     rows: zip(supply, facilityNodes).map { s, v in "\(s.id),\(v),\(s.location!.lon),\(s.location!.lat),\(s.capacity)" })
        try writeCSV(directory.appendingPathComponent("demand.csv"), header: "id,node,lon,lat,population",
                     rows: zip(demand, demandNodes).map { d, v in "\(d.id),\(v),\(d.location!.lon),\(d.location!.lat),\(d.population)" })

        // Nearest facility from every vertex: build the index once, then a snap and a lookup each.
        let (index, indexSeconds) = Measure.time {
            FacilityIndex(network: network, facilities: supply.map { $0.location! }, mode: .walk, k: 1)
        }
        let isWalkable = Set(walkable)
        let (nearest, querySeconds) = Measure.time {
            (0..<graph.vertexCount).map { v -> Double in
                guard isWalkable.contains(v) else { return .infinity }
                return index.nearest(to: graph.coordinate(ofVertex: v)).value?.first?.measure.seconds ?? .infinity
            }
        }
        timings["nearest_index_s"] = indexSeconds
        timings["nearest_query_all_s"] = querySeconds
        try writeCSV(directory.appendingPathComponent("qadam_nearest.csv"), header: "node,seconds",
                     rows: nearest.enumerated().map { "\($0),\(csvNumber($1))" })

        // One-to-all and ego graphs from a few demand vertices (networkx's single-source Dijkstra).
        let search = NetworkSearch(network: network)
        var dijkstraRows: [String] = [], egoRows: [String] = []
        var oneToAll = 0.0, ego = 0.0
        for source in demandNodes.prefix(searchSources) {
            let origin = network.locate(graph.coordinate(ofVertex: source), profile: .walk).value!
            oneToAll += Measure.time { search.run(from: origin, mode: .walk) }.1
            for v in search.reachedVertices() { dijkstraRows.append("\(source),\(v),\(search.seconds(toVertex: v))") }
            ego += Measure.time { search.run(from: origin, mode: .walk, limitSeconds: egoSeconds) }.1
            for v in search.reachedVertices() { egoRows.append("\(source),\(v)") }
        }
        timings["one_to_all_s"] = oneToAll / Double(searchSources)
        timings["ego_s"] = ego / Double(searchSources)
        timings["ego_radius_s"] = egoSeconds
        try writeCSV(directory.appendingPathComponent("qadam_dijkstra.csv"), header: "source,node,seconds", rows: dijkstraRows)
        try writeCSV(directory.appendingPathComponent("qadam_ego.csv"), header: "source,node", rows: egoRows)

        // Population within the ego radius of every vertex (pandana's aggregate, type "sum").
        var population = [Double](repeating: 0, count: graph.vertexCount)
        for (d, v) in zip(demand, demandNodes) { population[v] = d.population }
        let (sums, aggregateSeconds) = Measure.time {
            (0..<graph.vertexCount).map { v -> Double in
                guard isWalkable.contains(v), let origin = network.locate(graph.coordinate(ofVertex: v), profile: .walk).value else { return 0 }
                search.run(from: origin, mode: .walk, limitSeconds: egoSeconds)
                return search.reachedVertices().reduce(0) { $0 + population[$1] }
            }
        }
        timings["aggregate_all_s"] = aggregateSeconds
        try writeCSV(directory.appendingPathComponent("qadam_aggregate.csv"), header: "node,population",
                     rows: sums.enumerated().map { "\($0),\($1)" })

        // 2SFCA: demand-to-facility costs within the catchment (one bounded search per demand
        // point), then the measure on those sparse rows, which is what PySAL access gets too.
        var rows: [[ReachableSupply]] = []
        let (_, costSeconds) = Measure.time {
            search.matrix(origins: demand.map { $0.location! }, destinations: supply.map { $0.location! },
                          mode: .walk, limitSeconds: catchmentSeconds) { _, measures in
                rows.append(measures.enumerated().compactMap { f, m in m.value.map { ReachableSupply(supply: f, cost: $0.seconds) } })
            }
        }
        let costs = try SparseCostRows(unit: .seconds, supplyCount: supply.count, horizon: catchmentSeconds, rows: rows)
        let fca = try FloatingCatchment.measure(demand: demand, supply: supply, costs: costs, cutoff: catchmentSeconds)
        timings["cost_rows_s"] = costSeconds
        timings["2sfca_s"] = try Measure.median(runs: 7) {
            _ = try FloatingCatchment.measure(demand: demand, supply: supply, costs: costs, cutoff: catchmentSeconds)
        }
        timings["catchment_s"] = catchmentSeconds
        try writeCSV(directory.appendingPathComponent("costs.csv"), header: "demand,supply,cost_s",
                     rows: rows.enumerated().flatMap { i, row in row.map { "d\(i),f\($0.supply),\($0.cost)" } })
        try writeCSV(directory.appendingPathComponent("qadam_2sfca.csv"), header: "demand,ratio",
                     rows: fca.sites.map { "\($0.id),\($0.ratio)" })

        timings["vertices"] = Double(graph.vertexCount)
        timings["arcs_walk"] = Double(graph.arcCount)
        timings["peak_rss_bytes"] = Double(Measure.peakResidentBytes())
        let json = try JSONSerialization.data(withJSONObject: timings, options: [.prettyPrinted, .sortedKeys])
        try json.write(to: directory.appendingPathComponent("qadam_timings.json"))
    }

}
