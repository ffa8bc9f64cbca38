import Foundation
import QadamGeo
import QadamContract

/// Spreads known population totals over where people live as the street network shows it:
/// each area's total goes to grid cells in proportion to the weighted length of residential
/// streets in them (`ResidentialStreetWeights`), and each cell becomes a demand point at the
/// weighted centre of its streets, so points sit where the homes are, not at a city's centroid.
///
/// Totals can nest (a city and its districts): a parent's total is not spread itself; what it
/// has beyond its children's sum goes to its `lower_bound` children (their figures say "at
/// least"), in proportion to their street weight, so the city's official total is kept.
/// Every point says how it was made in `demandSource`; this is an estimate, never a count.
public enum DasymetricEstimate {
    public struct Options: Sendable {
        /// Side of the grid cells, metres.
        public var cellMetres: Double = 250
        public init(cellMetres: Double = 250) { self.cellMetres = cellMetres }
    }

    /// What happened to one total.
    public struct AreaReport: Codable, Sendable, Equatable {
        public var area: String
        public var total: Double
        /// People given to this area's cells (its total, plus any share of a parent's remainder).
        public var placed: Double
        /// Share of a parent's remainder given here (lower-bound children).
        public var fromParent: Double
        public var points: Int
        /// Weighted street length the total was spread over, km.
        public var weightedKm: Double
        /// `residential_streets`, or `all_streets` where the area had no residential street.
        public var basis: String
        /// Nested totals are not spread themselves: `parent_of_N`.
        public var role: String
    }

    public struct Result: Sendable {
        public var points: [DemandPoint]
        public var areas: [AreaReport]
        /// Problems worth a warning (a parent smaller than its children, a total with no street).
        public var warnings: [String]
    }

    public enum EstimateError: Error, CustomStringConvertible, Equatable {
        case unknownArea(line: Int, area: String)
        case noStreets(area: String)

        public var description: String {
            switch self {
            case let .unknownArea(line, area): "totals line \(line): area: '\(area)' is no district of the dataset"
            case let .noStreets(area): "area \(area): no street of the network lies inside it, so its total cannot be placed"
            }
        }
    }

    /// - Parameters:
    ///   - areas: the polygon of each total's `area`.
    ///   - streets: the dataset's network layer (LineStrings with a `highway` property).
    public static func estimate(totals: [PopulationTotal], areas: [String: Geometry], streets: [Feature],
                                options: Options = Options()) throws -> Result {
        for t in totals where areas[t.area] == nil { throw EstimateError.unknownArea(line: t.line, area: t.area) }
        let childrenOf = Dictionary(grouping: totals.filter { $0.parent != nil }, by: { $0.parent! })
        let leaves = totals.filter { childrenOf[$0.area] == nil }
        let index = AreaIndex(leaves.indices.map { (areas[leaves[$0].area]!, $0) })
        let pieces = streetPieces(streets, maxLength: options.cellMetres / 2)

        // Per leaf: cells keyed by grid position, with weighted length and weighted position sums.
        var residential = Array(repeating: [GridKey: CellSum](), count: leaves.count)
        var anyStreet = Array(repeating: [GridKey: CellSum](), count: leaves.count)
        for piece in pieces {
            for leaf in index.covering(piece.midpoint) where leaves[leaf].boundingBox?.contains(piece.midpoint) ?? true {
                let key = GridKey(piece.midpoint, cell: options.cellMetres)
                if piece.weight > 0 { residential[leaf][key, default: CellSum()].add(piece.midpoint, piece.weight * piece.length) }
                if piece.isStreet { anyStreet[leaf][key, default: CellSum()].add(piece.midpoint, piece.length) }
            }
        }

        var warnings: [String] = []
        var placed = leaves.map(\.population)
        var fromParent = Array(repeating: 0.0, count: leaves.count)
        let leafIndex = Dictionary(uniqueKeysWithValues: leaves.indices.map { (leaves[$0].area, $0) })
        func cells(_ i: Int) -> [GridKey: CellSum] { residential[i].isEmpty ? anyStreet[i] : residential[i] }
        // Summed in key order, not the dictionary's (which changes from run to run), so the
        // same input gives the same populations to the last bit and the same content hash.
        func totalWeight(_ cells: [GridKey: CellSum]) -> Double { cells.keys.sorted().reduce(0) { $0 + cells[$1]!.weight } }
        for parent in totals where childrenOf[parent.area] != nil {
            let children = childrenOf[parent.area]!
            let remainder = parent.population - children.reduce(0) { $0 + $1.population }
            if remainder < 0 {
                warnings.append("\(parent.area): its total \(Int(parent.population)) is below its parts' sum by \(Int(-remainder)); the parts' figures are kept")
                continue
            }
            let open = children.compactMap { c in c.precision == .lowerBound ? leafIndex[c.area] : nil }
            let weights = open.map { totalWeight(cells($0)) }
            let sum = weights.reduce(0, +)
            guard remainder > 0 else { continue }
            guard sum > 0 else {
                warnings.append("\(parent.area): \(Int(remainder)) people beyond its parts' figures are not placed (no part is a lower bound)")
                continue
            }
            for (i, w) in zip(open, weights) {
                fromParent[i] += remainder * w / sum
                placed[i] += remainder * w / sum
            }
        }

        var points: [DemandPoint] = []
        var reports: [AreaReport] = []
        for (i, total) in leaves.enumerated() {
            let chosen = cells(i)
            let basis = residential[i].isEmpty ? "all_streets" : "residential_streets"
            let weight = totalWeight(chosen)
            guard weight > 0 else {
                if placed[i] > 0 { throw EstimateError.noStreets(area: total.area) }
                continue
            }
            let how = "estimate: \(total.area) total \(Int(total.population.rounded())) (\(total.precision.rawValue), \(total.source)"
                + (total.referenceDate.map { ", \($0)" } ?? "") + ")"
                + (fromParent[i] > 0 ? " plus \(Int(fromParent[i].rounded())) of \(total.parent ?? "its parent")'s remainder" : "")
                + " spread by \(basis == "residential_streets" ? "weighted residential street length" : "street length (no residential street)")"
                + " over \(Int(options.cellMetres)) m cells"
            for key in chosen.keys.sorted() {
                let cell = chosen[key]!
                points.append(DemandPoint(id: "\(total.area)/\(key.x)_\(key.y)", point: cell.centre,
                                          population: placed[i] * cell.weight / weight, districtID: total.area, demandSource: how))
            }
            reports.append(AreaReport(area: total.area, total: total.population, placed: placed[i], fromParent: fromParent[i],
                                      points: chosen.count, weightedKm: weight / 1000, basis: basis, role: "spread"))
        }
        for parent in totals where childrenOf[parent.area] != nil {
            reports.append(AreaReport(area: parent.area, total: parent.population,
                                      placed: childrenOf[parent.area]!.reduce(0) { $0 + (leafIndex[$1.area].map { placed[$0] } ?? 0) },
                                      fromParent: 0, points: 0, weightedKm: 0, basis: "parts", role: "parent_of_\(childrenOf[parent.area]!.count)"))
        }
        return Result(points: points, areas: reports, warnings: warnings)
    }

    /// A piece of street no longer than the requested length, with its class's weight.
    struct StreetPiece {
        var midpoint: Coordinate
        var length: Double
        var weight: Double
        var isStreet: Bool
    }

    /// Every street segment cut into pieces of at most `maxLength` metres, so a long segment
    /// lends its length to every cell it crosses rather than to the one holding its middle.
    static func streetPieces(_ streets: [Feature], maxLength: Double) -> [StreetPiece] {
        var pieces: [StreetPiece] = []
        for feature in streets {
            let highway = feature.properties["highway"]?.scalarText
            let weight = ResidentialStreetWeights.weight(highway: highway)
            let isStreet = ResidentialStreetWeights.isStreet(highway: highway)
            guard weight > 0 || isStreet else { continue }
            for part in feature.geometry.parts {
                let c = part.coordinates
                for k in c.indices.dropLast() {
                    let length = Geodesic.distance(c[k], c[k + 1])
                    let n = max(1, Int((length / maxLength).rounded(.up)))
                    for j in 0..<n {
                        let t = (Double(j) + 0.5) / Double(n)
                        let mid = Coordinate(lon: c[k].lon + (c[k + 1].lon - c[k].lon) * t, lat: c[k].lat + (c[k + 1].lat - c[k].lat) * t)
                        pieces.append(StreetPiece(midpoint: mid, length: length / Double(n), weight: weight, isStreet: isStreet))
                    }
                }
            }
        }
        return pieces
    }

    /// A grid cell of about `cell` metres: latitude rows of equal height, and columns whose
    /// width in degrees follows the row's latitude, so cells are near-square everywhere.
    struct GridKey: Hashable, Comparable {
        var x: Int
        var y: Int

        init(_ c: Coordinate, cell: Double) {
            let metresPerDegreeLat = 111_320.0
            y = Int((c.lat * metresPerDegreeLat / cell).rounded(.down))
            let rowLat = (Double(y) + 0.5) * cell / metresPerDegreeLat
            x = Int((c.lon * metresPerDegreeLat * cos(rowLat * .pi / 180) / cell).rounded(.down))
        }

        static func < (a: GridKey, b: GridKey) -> Bool { (a.y, a.x) < (b.y, b.x) }
    }

    /// Weighted length in a cell and the weighted sum of its pieces' positions.
    struct CellSum {
        var weight = 0.0
        var lon = 0.0
        var lat = 0.0

        mutating func add(_ c: Coordinate, _ w: Double) {
            weight += w; lon += c.lon * w; lat += c.lat * w
        }

        var centre: Coordinate { Coordinate(lon: lon / weight, lat: lat / weight) }
    }
}
