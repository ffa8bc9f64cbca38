import QadamGeo
import QadamContract

extension FacilityKind {
    /// The unit capacity is usually counted in for this kind.
    public var defaultCapacityUnit: CapacityUnit? {
        switch self {
        case .school, .kindergarten, .sports, .library, .culture: return .seats
        case .polyclinic, .ambulatory, .feldsherPost: return .visitsPerShift
        case .hospital: return .beds
        case .pharmacy, .other: return nil
        }
    }
}

public enum CapacityUnit: String, CaseIterable, Codable, Sendable {
    case seats
    case visitsPerShift = "visits_per_shift"
    case beds
}

/// A service point: a school, a polyclinic, a pharmacy...
public struct Facility: LayerRecord {
    public static let layer = LayerKind.facilities

    public var id: String
    public var kind: FacilityKind
    public var name: String?
    public var point: Coordinate
    public var capacity: Double?
    public var capacityUnit: CapacityUnit?
    /// Current use in the same unit as `capacity` (pupils, visits, occupied beds), where known.
    public var load: Double?

    public init(id: String, kind: FacilityKind, name: String? = nil, point: Coordinate,
                capacity: Double? = nil, capacityUnit: CapacityUnit? = nil, load: Double? = nil) {
        self.id = id; self.kind = kind; self.name = name; self.point = point
        self.capacity = capacity; self.capacityUnit = capacityUnit ?? kind.defaultCapacityUnit; self.load = load
    }

    enum CodingKeys: String, CodingKey {
        case id, kind, name, point, capacity, capacityUnit = "capacity_unit", load
    }

    public var storedGeometry: Geometry? { .point(point) }
    public var columns: RecordColumns { RecordColumns(name: name, kind: kind.rawValue, population: nil) }
}
