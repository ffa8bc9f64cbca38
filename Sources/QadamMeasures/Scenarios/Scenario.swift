import Foundation
import QadamContract

/// A runnable audit that reproduces a case from the source documents (docs/scenarios.md):
/// what it computes (`kind` and `parameters`), on which inputs, under which assumptions, and
/// the documents' own figures to compare with.
public struct Scenario: Codable, Sendable {
    public enum Kind: String, Codable, Sendable {
        case agglomerationZones = "agglomeration_zones"
        case monotownTravel = "monotown_travel"
        case ruralHospitalAccess = "rural_hospital_access"
        case facilityAccess = "facility_access"
        case seatDeficitSplit = "seat_deficit_split"
        case plannedFacilities = "planned_facilities"
    }

    public var id: String
    public var title: String
    public var kind: Kind
    public var parameters: ScenarioParameters
    public var inputs: [String]
    public var assumptions: [String]
    public var sources: [String]
    public var expected: [ExpectedFigure]

    /// Reads a scenario file; errors name the file and the JSON path.
    public static func load(_ url: URL) throws -> Scenario {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw ScenarioError("\(url.path): cannot read the scenario file")
        }
        do {
            return try JSONValueDecoder.decode(Scenario.self, from: JSONParser.parse(data, allowNonFinite: false))
        } catch let error as JSONSyntaxError {
            throw ScenarioError("\(url.path): not valid JSON (\(error))")
        } catch let DecodingError.keyNotFound(key, context) {
            throw ScenarioError("\(url.path): missing '\(key.stringValue)' at \(Self.path(context.codingPath))")
        } catch let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context),
                let DecodingError.dataCorrupted(context) {
            throw ScenarioError("\(url.path): \(context.debugDescription) at \(Self.path(context.codingPath))")
        }
    }

    private static func path(_ keys: [CodingKey]) -> String {
        keys.isEmpty ? "top level" : keys.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
    }
}

/// The knobs a scenario kind reads; each kind documents which it needs (docs/scenarios.md).
public struct ScenarioParameters: Codable, Sendable {
    /// Agglomeration id in the agglomerations layer (`almaty`).
    public var agglomeration: String?
    /// Straight line × this = estimated road distance.
    public var detourFactor: Double?
    /// Speed for estimated travel times, km/h.
    public var speedKmh: Double?
    /// Travel-time threshold, minutes.
    public var cutoffMinutes: Double?
    /// OSM place types left out of the settlements counted (e.g. isolated_dwelling).
    public var excludePlaces: [String]?
    /// Facility kind the scenario needs (`polyclinic`).
    public var facilityKind: String?
    /// Further kinds that answer the same need when nearer (a hospital's outpatient wing for a polyclinic).
    public var alsoKinds: [String]?
    /// Named places with the documents' figures (Теректы 8,000 people, 17 km).
    public var places: [DocumentedPlace]?
    /// A documented city-wide total to split (school-seat deficit, seats).
    public var total: Double?
    /// Fact table (in the facts folder) holding the split weights, and its columns.
    public var splitTable: String?
    public var splitKeyColumn: String?
    public var splitWeightColumn: String?
    /// Planned facilities for a what-if, placed at named settlements.
    public var planned: [PlannedFacility]?
    /// Distance threshold for coverage, metres (straight line).
    public var cutoffMetres: Double?

    enum CodingKeys: String, CodingKey {
        case agglomeration, detourFactor = "detour_factor", speedKmh = "speed_kmh", cutoffMinutes = "cutoff_minutes"
        case excludePlaces = "exclude_places", facilityKind = "facility_kind", alsoKinds = "also_kinds", places, total
        case splitTable = "split_table", splitKeyColumn = "split_key_column", splitWeightColumn = "split_weight_column"
        case planned, cutoffMetres = "cutoff_metres"
    }

    public var estimate: RoadEstimate {
        RoadEstimate(detourFactor: detourFactor ?? 1.3, speedKmh: speedKmh ?? 60)
    }
}

public struct DocumentedPlace: Codable, Sendable {
    public var name: String
    public var population: Double?
    /// The distance the document gives to the facility serving the place, km.
    public var distanceKm: Double?
    enum CodingKeys: String, CodingKey { case name, population, distanceKm = "distance_km" }
}

public struct PlannedFacility: Codable, Sendable {
    public var name: String
    /// The settlement (microdistrict) it is placed at.
    public var at: String
    public var capacity: Double
    enum CodingKeys: String, CodingKey { case name, at, capacity }
}

/// A figure the document gives, with the bounds inside which a computed value counts as
/// agreeing (`PASS`); outside them it is a `DIFF`, reported, not an error.
public struct ExpectedFigure: Codable, Sendable {
    /// The computed figure's name, as the runner reports it (e.g. `intensive.settlements`).
    public var figure: String
    public var value: Double
    public var min: Double
    public var max: Double
    public var source: String
    public var note: String?
}

public struct ScenarioError: Error, CustomStringConvertible, Sendable {
    public let description: String
    public init(_ message: String) { description = message }
}
