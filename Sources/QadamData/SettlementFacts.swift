import Foundation
import QadamGeo
import QadamContract

/// A row of `geodata/facts/cities_status.csv`: a city whose status a document states.
public struct CityStatusFact: Sendable, Hashable {
    public var names: PlaceNames
    /// The 9-digit КАТО where the table has one; its first two digits name the ADM1 unit.
    public var kato: String?
    public var status: SettlementClass
    public var isOblastCentre: Bool
    /// Region as the table spells it (e.g. "Жетісу", "г. Астана").
    public var region: String
    /// Year the status took effect; nil when it predates every dataset we build.
    public var statusSince: Int?
}

/// A row of `geodata/facts/monotowns.csv`: one of the 20 monotowns of order МНЭ №248 (2023).
public struct MonotownFact: Sendable, Hashable {
    public var names: PlaceNames
    public var region: String
    public var specialisation: String
    /// Approximate town centre (two decimals; within 2.5 km of GeoNames).
    public var approximatePoint: Coordinate
}

/// The authored fact tables the settlement classifier reads.
public struct SettlementFacts: Sendable {
    public var cities: [CityStatusFact]
    public var monotowns: [MonotownFact]
    /// Towns a document puts on the small-towns list whatever their size (Жанатас, Каратау:
    /// moved there from the monotown list in 2023, ИЭИ 2024 L351), with their region.
    public var documentedSmallTowns: [(name: String, region: String)]

    public init(cities: [CityStatusFact], monotowns: [MonotownFact],
                documentedSmallTowns: [(name: String, region: String)] = SettlementFacts.smallTowns2023) {
        self.cities = cities; self.monotowns = monotowns; self.documentedSmallTowns = documentedSmallTowns
    }

    /// ИЭИ 2024 L351. The region (Жамбылская) is general knowledge.
    public static let smallTowns2023: [(name: String, region: String)] = [("Жанатас", "Жамбылская"), ("Каратау", "Жамбылская")]

    /// Reads `cities_status.csv` and `monotowns.csv` from `directory` (e.g. `geodata/facts`).
    public static func load(directory: URL) throws -> SettlementFacts {
        let cities = try FactTable(directory.appendingPathComponent("cities_status.csv")).rows { row in
            let statusText = try row.required("status")
            guard let status = SettlementClass(rawValue: statusText) else {
                throw row.error("status", "unknown settlement class '\(statusText)'")
            }
            let since = try row.optional("status_since").map { text -> Int in
                guard let year = Int(text) else { throw row.error("status_since", "'\(text)' is not a year") }
                return year
            }
            return CityStatusFact(names: row.names(), kato: try row.optional("kato"), status: status,
                                  isOblastCentre: try row.optional("role") == "oblast_centre",
                                  region: try row.required("region_ru"), statusSince: since)
        }
        let monotowns = try FactTable(directory.appendingPathComponent("monotowns.csv")).rows { row in
            MonotownFact(names: row.names(), region: try row.required("oblast_ru"),
                         specialisation: try row.required("specialisation"),
                         approximatePoint: Coordinate(lon: try row.number("lon_approx"), lat: try row.number("lat_approx")))
        }
        return SettlementFacts(cities: cities, monotowns: monotowns)
    }
}

/// A fact-table file error, located by file, row (1-based, the header is row 1) and column.
public struct FactTableError: Error, CustomStringConvertible, Sendable {
    public let file: String
    public let row: Int?
    public let field: String?
    public let message: String

    public var description: String {
        [file, row.map { "row \($0)" }, field.map { "field \($0)" }].compactMap { $0 }.joined(separator: ", ") + ": " + message
    }
}

/// A small CSV fact table read by header name (the `geodata/facts` tables).
public struct FactTable: Sendable {
    public let file: String
    let header: [String]
    let records: [[String]]

    public init(_ url: URL) throws {
        file = url.path
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw FactTableError(file: file, row: nil, field: nil, message: "cannot read the fact table")
        }
        let all: [[String]]
        do {
            all = try CSVRecordParser.records(in: Array(data)).map(\.fields).filter { $0 != [""] }
        } catch let error as CSVRecordParser.SyntaxError {
            throw FactTableError(file: file, row: nil, field: nil, message: "CSV syntax at line \(error.line): \(error.message)")
        }
        guard let first = all.first else { throw FactTableError(file: file, row: nil, field: nil, message: "empty file") }
        header = first
        records = Array(all.dropFirst())
    }

    /// One value per data row, made by `make`; errors name the file, row and field.
    public func rows<T>(_ make: (Row) throws -> T) throws -> [T] {
        try records.enumerated().map { i, fields in try make(Row(table: self, number: i + 2, fields: fields)) }
    }

    public struct Row {
        let table: FactTable
        let number: Int
        let fields: [String]

        public func error(_ field: String, _ message: String) -> FactTableError {
            FactTableError(file: table.file, row: number, field: field, message: message)
        }

        public func optional(_ name: String) throws -> String? {
            guard let i = table.header.firstIndex(of: name) else {
                throw FactTableError(file: table.file, row: nil, field: name, message: "no such column in the header")
            }
            let value = i < fields.count ? fields[i].trimmingCharacters(in: .whitespaces) : ""
            return value.isEmpty ? nil : value
        }

        public func required(_ name: String) throws -> String {
            guard let v = try optional(name) else { throw error(name, "empty, but required") }
            return v
        }

        public func number(_ name: String) throws -> Double {
            let text = try required(name)
            guard let v = Double(text), v.isFinite else { throw error(name, "'\(text)' is not a number") }
            return v
        }

        public func names() -> PlaceNames {
            PlaceNames(ru: try? optional("name_ru"), kk: try? optional("name_kk"), en: try? optional("name_en"))
        }
    }
}
