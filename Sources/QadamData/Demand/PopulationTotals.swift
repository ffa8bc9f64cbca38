import Foundation
import QadamGeo
import QadamContract

/// How far an official population figure can be trusted as the area's total.
public enum TotalPrecision: String, CaseIterable, Codable, Sendable {
    /// The published figure for the area.
    case exact
    /// The source says "more than": the area may hold more people (its parent's remainder may go here).
    case lowerBound = "lower_bound"
    /// Not an official figure (an OSM `population` tag): used, and said to be weaker.
    case osmTag = "osm_tag"
}

/// One known population total: an area of the dataset (a district's id or name), the figure,
/// how precise it is and where it comes from; optionally a box that narrows the area to where
/// the figure's people live (a town inside a larger administrative polygon).
public struct PopulationTotal: Sendable, Equatable {
    public var area: String
    public var population: Double
    public var precision: TotalPrecision
    /// The total this one is part of (its `area`), e.g. a city for its districts.
    public var parent: String?
    public var referenceDate: String?
    public var source: String
    public var boundingBox: BoundingBox?
    /// 1-based line in the totals file, for messages.
    public var line: Int

    public init(area: String, population: Double, precision: TotalPrecision, parent: String? = nil,
                referenceDate: String? = nil, source: String, boundingBox: BoundingBox? = nil, line: Int = 0) {
        self.area = area; self.population = population; self.precision = precision; self.parent = parent
        self.referenceDate = referenceDate; self.source = source; self.boundingBox = boundingBox; self.line = line
    }
}

/// Reads a totals CSV (`area,population,precision,parent,reference_date,source,bbox`; only the
/// first two and `source` are required). Every problem is reported with its line and column,
/// and any problem fails the whole file, so an estimate is never made from half a table.
public enum PopulationTotalsReader {
    public struct Failure: Error, CustomStringConvertible, Equatable {
        public var problems: [String]
        public var description: String { problems.joined(separator: "\n") }
    }

    public static func read(_ url: URL) throws -> [PopulationTotal] {
        let bytes = try [UInt8](Data(contentsOf: url))
        let name = url.lastPathComponent
        let records: [CSVRecordParser.Record]
        do { records = try CSVRecordParser.records(in: bytes) } catch let e as CSVRecordParser.SyntaxError {
            throw Failure(problems: ["\(name): line \(e.line): \(e.message)"])
        }
        guard let header = records.first?.fields.map({ $0.trimmingCharacters(in: .whitespaces) }) else {
            throw Failure(problems: ["\(name): the file is empty"])
        }
        var problems: [String] = []
        for required in ["area", "population", "source"] where !header.contains(required) {
            problems.append("\(name): line 1: column '\(required)' is missing (have: \(header.joined(separator: ", ")))")
        }
        guard problems.isEmpty else { throw Failure(problems: problems) }
        var totals: [PopulationTotal] = []
        var seen: [String: Int] = [:]
        for record in records.dropFirst() where !(record.fields.count == 1 && record.fields[0].isEmpty) {
            func field(_ column: String) -> String? {
                guard let i = header.firstIndex(of: column), i < record.fields.count else { return nil }
                let v = record.fields[i].trimmingCharacters(in: .whitespaces)
                return v.isEmpty ? nil : v
            }
            func problem(_ column: String, _ message: String) { problems.append("\(name): line \(record.line): \(column): \(message)") }
            let area = field("area")
            if area == nil { problem("area", "is empty") }
            if let area, let first = seen[area] { problem("area", "'\(area)' is already given on line \(first)") }
            if let area { seen[area] = record.line }
            let population = field("population").flatMap { Double($0.replacingOccurrences(of: " ", with: "")) }
            if population == nil || !(population!.isFinite && population! >= 0) {
                problem("population", "must be a number of people >= 0, got '\(field("population") ?? "")'")
            }
            var precision = TotalPrecision.exact
            if let text = field("precision") {
                if let p = TotalPrecision(rawValue: text) { precision = p } else {
                    problem("precision", "must be one of \(TotalPrecision.allCases.map(\.rawValue).joined(separator: ", ")), got '\(text)'")
                }
            }
            let source = field("source")
            if source == nil { problem("source", "is empty: every total must say where it comes from") }
            var box: BoundingBox?
            if let text = field("bbox") {
                let v = text.split(separator: ",").compactMap { Double($0.trimmingCharacters(in: .whitespaces)) }
                if v.count == 4, v[0] < v[2], v[1] < v[3], Coordinate(lon: v[0], lat: v[1]).isValidWGS84,
                   Coordinate(lon: v[2], lat: v[3]).isValidWGS84 {
                    box = BoundingBox(minX: v[0], minY: v[1], maxX: v[2], maxY: v[3])
                } else {
                    problem("bbox", "must be minLon,minLat,maxLon,maxLat with min < max, got '\(text)'")
                }
            }
            if let area, let population, let source {
                totals.append(PopulationTotal(area: area, population: population, precision: precision, parent: field("parent"),
                                              referenceDate: field("reference_date"), source: source, boundingBox: box,
                                              line: record.line))
            }
        }
        for t in totals {
            if let parent = t.parent, seen[parent] == nil {
                problems.append("\(name): line \(t.line): parent: '\(parent)' is not an area of this file")
            }
        }
        guard problems.isEmpty else { throw Failure(problems: problems) }
        return totals
    }
}
