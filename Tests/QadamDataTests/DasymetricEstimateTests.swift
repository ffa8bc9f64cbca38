import Foundation
@testable import QadamData
import QadamGeo
import Testing
import QadamContract

/// The dasymetric spread on a made-up city of two square districts and a parent total, against
/// sums worked by hand and a plain per-piece reference on random street grids.
struct DasymetricEstimateTests {
    static let west = try! Geometry(wkt: "POLYGON((76.90 43.20, 76.92 43.20, 76.92 43.22, 76.90 43.22, 76.90 43.20))")
    static let east = try! Geometry(wkt: "POLYGON((76.92 43.20, 76.94 43.20, 76.94 43.22, 76.92 43.22, 76.92 43.20))")

    static func street(_ id: String, _ highway: String, _ coords: [(Double, Double)]) throws -> Feature {
        Feature(id: id, geometry: try .lineString(coords.map { Coordinate(lon: $0.0, lat: $0.1) }),
                properties: ["highway": .string(highway)])
    }

    @Test func totalsAreKeptAndTheParentRemainderGoesToLowerBoundParts() throws {
        let streets = [
            try Self.street("w1", "residential", [(76.901, 43.205), (76.919, 43.205)]),
            try Self.street("w2", "primary", [(76.901, 43.215), (76.919, 43.215)]),
            try Self.street("e1", "residential", [(76.921, 43.205), (76.939, 43.205)]),
            try Self.street("e2", "footway", [(76.921, 43.215), (76.939, 43.215)]),
        ]
        let totals = [
            PopulationTotal(area: "city", population: 10_000, precision: .exact, source: "test"),
            PopulationTotal(area: "W", population: 4_000, precision: .exact, parent: "city", source: "test"),
            PopulationTotal(area: "E", population: 3_000, precision: .lowerBound, parent: "city", source: "test"),
        ]
        let city = try Self.west.union(Self.east)
        let r = try DasymetricEstimate.estimate(totals: totals, areas: ["W": Self.west, "E": Self.east, "city": city], streets: streets)
        let byArea = Dictionary(grouping: r.points, by: { $0.districtID ?? "" })
        func sum(_ a: String) -> Double { (byArea[a] ?? []).reduce(0) { $0 + $1.population } }
        #expect(abs(sum("W") - 4_000) < 1e-6)
        // E is a lower bound: it takes the city's remaining 3,000.
        #expect(abs(sum("E") - 6_000) < 1e-6)
        #expect(byArea["city"] == nil)
        // West: residential weight 1, primary 0.25, equal lengths: 4/5 and 1/5 of 4,000.
        let westNorth = (byArea["W"] ?? []).filter { $0.point.lat > 43.21 }.reduce(0) { $0 + $1.population }
        #expect(abs(westNorth - 800) < 1)
        // East: the footway weighs nothing, so everyone is on the residential street.
        #expect((byArea["E"] ?? []).allSatisfy { $0.point.lat < 43.21 })
        #expect(r.points.allSatisfy { $0.demandSource?.contains("estimate") == true })
        #expect((byArea["E"] ?? []).first?.demandSource?.contains("remainder") == true)
    }

    @Test func anAreaWithoutStreetsIsAnErrorAndAnUnknownAreaNamesItsLine() throws {
        let totals = [PopulationTotal(area: "W", population: 100, precision: .exact, source: "t", line: 2)]
        #expect(throws: DasymetricEstimate.EstimateError.noStreets(area: "W")) {
            try DasymetricEstimate.estimate(totals: totals, areas: ["W": Self.west], streets: [])
        }
        #expect(throws: DasymetricEstimate.EstimateError.unknownArea(line: 2, area: "W")) {
            try DasymetricEstimate.estimate(totals: totals, areas: [:], streets: [])
        }
    }

    /// Against the obvious reference: every piece's weighted length, summed per area, gives the
    /// area's share; the estimate's points must carry exactly those shares, on random grids.
    @Test(arguments: 1...20) func randomStreetsSpreadInProportionToWeightedLength(seed: UInt64) throws {
        var rng = SplitMix64(seed: seed)
        let classes = ["residential", "living_street", "unclassified", "primary", "footway", "service"]
        var streets: [Feature] = []
        for k in 0..<30 {
            let a = Coordinate(lon: 76.90 + Double.random(in: 0..<0.04, using: &rng), lat: 43.20 + Double.random(in: 0..<0.02, using: &rng))
            let b = Coordinate(lon: min(76.9399, a.lon + Double.random(in: 0..<0.01, using: &rng)), lat: a.lat)
            streets.append(try Self.street("s\(k)", classes[Int.random(in: 0..<classes.count, using: &rng)], [(a.lon, a.lat), (b.lon, b.lat)]))
        }
        let totals = [PopulationTotal(area: "W", population: 1_000, precision: .exact, source: "t"),
                      PopulationTotal(area: "E", population: 2_000, precision: .exact, source: "t")]
        guard let r = try? DasymetricEstimate.estimate(totals: totals, areas: ["W": Self.west, "E": Self.east], streets: streets,
                                                      options: .init(cellMetres: 100)) else { return }
        let pieces = DasymetricEstimate.streetPieces(streets, maxLength: 50)
        for (area, polygon, total) in [("W", Self.west, 1_000.0), ("E", Self.east, 2_000.0)] {
            // Reference: each piece inside gives its weighted length to its cell; a cell's people
            // are the total times its share of the area's weighted length.
            let prepared = polygon.prepared()
            let inside = pieces.filter { prepared.covers($0.midpoint) }
            let residential = inside.filter { $0.weight > 0 }
            let used = residential.isEmpty ? inside.map { ($0, $0.length) } : residential.map { ($0, $0.weight * $0.length) }
            let whole = used.reduce(0) { $0 + $1.1 }
            var expected: [String: Double] = [:]
            for (piece, w) in used {
                let key = DasymetricEstimate.GridKey(piece.midpoint, cell: 100)
                expected["\(area)/\(key.x)_\(key.y)", default: 0] += total * w / whole
            }
            let got = Dictionary(uniqueKeysWithValues: r.points.filter { $0.districtID == area }.map { ($0.id, $0.population) })
            #expect(Set(got.keys) == Set(expected.keys))
            for (id, p) in expected { #expect(abs((got[id] ?? -1) - p) < 1e-6 * total, "cell \(id)") }
        }
    }

    @Test func totalsFileProblemsAreLocated() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("totals-\(UUID())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("t.csv")
        try "area,population,precision,parent,source,bbox\nA,12x,exact,,s,\nB,5,about,C,,\"1,2,3\"\n".write(to: file, atomically: true, encoding: .utf8)
        do {
            _ = try PopulationTotalsReader.read(file)
            Issue.record("a broken totals file was read")
        } catch let e as PopulationTotalsReader.Failure {
            #expect(e.problems.contains { $0.hasPrefix("t.csv: line 2: population") })
            #expect(e.problems.contains { $0.hasPrefix("t.csv: line 3: precision") })
            #expect(e.problems.contains { $0.hasPrefix("t.csv: line 3: source") })
            #expect(e.problems.contains { $0.hasPrefix("t.csv: line 3: bbox") })
        }
    }
}
