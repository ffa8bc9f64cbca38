import QadamGeo
import QadamContract

/// Where people live: a building, a grid cell or a settlement point, with its population.
public struct DemandPoint: LayerRecord {
    public static let layer = LayerKind.demand

    public var id: String
    public var point: Coordinate
    public var population: Double
    /// Share (0...1) of the population of school age, where known.
    public var schoolAgeShare: Double?
    /// The area this point belongs to: for an estimate, the area its total was spread over.
    public var districtID: String?
    /// How the population was obtained, in words a reader can check (e.g. a dasymetric estimate
    /// from an official total, with the method and the total's source); nil when the source
    /// file gave the population without saying.
    public var demandSource: String?

    public init(id: String, point: Coordinate, population: Double, schoolAgeShare: Double? = nil,
                districtID: String? = nil, demandSource: String? = nil) {
        self.id = id; self.point = point; self.population = population
        self.schoolAgeShare = schoolAgeShare; self.districtID = districtID; self.demandSource = demandSource
    }

    enum CodingKeys: String, CodingKey {
        case id, point, population, schoolAgeShare = "school_age_share", districtID = "district_id"
        case demandSource = "demand_source"
    }

    public var storedGeometry: Geometry? { .point(point) }
    public var columns: RecordColumns { RecordColumns(name: nil, kind: nil, population: population) }
}
