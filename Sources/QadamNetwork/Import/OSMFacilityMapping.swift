import Foundation
import QadamGeo
import QadamContract

/// A service point found in OSM: a node, or a way (building) reduced to its centroid.
public struct OSMFacility: Sendable, Equatable {
    /// Qadam facility kind, e.g. `school`, `polyclinic` (see docs/osm-facilities.md).
    public var kind: String
    public var name: String?
    /// Seats, beds or visits per shift, from the first numeric capacity tag of the kind.
    public var capacity: Int?
    public var coordinate: Coordinate
    /// `node/123` or `way/456`.
    public var osmReference: String

    public init(kind: String, name: String?, capacity: Int?, coordinate: Coordinate, osmReference: String) {
        self.kind = kind; self.name = name; self.capacity = capacity
        self.coordinate = coordinate; self.osmReference = osmReference
    }
}

/// The table from OSM tags to Qadam facility kinds; docs/osm-facilities.md is its prose twin.
public enum OSMFacilityMapping {
    static let amenityKinds: [String: String] = [
        "school": "school",
        "kindergarten": "kindergarten",
        "clinic": "polyclinic",
        "doctors": "ambulatory",
        "hospital": "hospital",
        "pharmacy": "pharmacy",
    ]
    static let healthcareKinds: [String: String] = [
        "clinic": "polyclinic",
        "centre": "polyclinic",
        "doctor": "ambulatory",
        "hospital": "hospital",
        "pharmacy": "pharmacy",
        "feldsher": "feldsher_post",
        "dentist": "dentist",
        "laboratory": "laboratory",
        "rehabilitation": "rehabilitation",
        "birthing_centre": "maternity",
    ]
    /// The kinds a name may refine (`FacilityNameRules`): those whose tags say only "a place where
    /// a doctor sees patients". Pharmacies, dentists, laboratories, rehabilitation and birthing
    /// centres keep their tag's kind, which is more specific than a name.
    static let kindsRefinedByName: Set<String> = ["hospital", "polyclinic", "ambulatory", "feldsher_post", "other_health"]

    /// Name tags in the order a facility's name is taken from them; name rules look at all.
    static let nameKeys = ["name", "name:kk", "name:ru", "name:en"]

    /// Capacity tags tried in order, per kind; the first parseable integer wins.
    static let capacityKeys: [String: [String]] = [
        "school": ["capacity:pupils", "capacity:students", "capacity"],
        "kindergarten": ["capacity:children", "capacity:pupils", "capacity"],
        "hospital": ["beds", "capacity:beds", "capacity"],
    ]
    static let defaultCapacityKeys = ["capacity:visits", "capacity", "beds"]

    /// The Qadam kind for these tags, or nil if they describe no facility we track.
    public static func kind(for tags: [String: String], nameRules: FacilityNameRules = .builtIn) -> String? {
        let base: String?
        if let amenity = tags["amenity"], let kind = amenityKinds[amenity] {
            base = kind
        } else if let healthcare = tags["healthcare"], healthcare != "no", healthcare != "yes" {
            base = healthcareKinds[healthcare] ?? "other_health"
        } else {
            base = nil
        }
        guard let base, kindsRefinedByName.contains(base) else { return base }
        return nameRules.kind(forNames: nameKeys.compactMap { tags[$0] })?.rawValue ?? base
    }

    /// A facility for a tagged element at a position, or nil if the tags are not a facility.
    public static func facility(tags: [String: String], at coordinate: Coordinate, osmReference: String,
                                nameRules: FacilityNameRules = .builtIn) -> OSMFacility? {
        guard let kind = kind(for: tags, nameRules: nameRules) else { return nil }
        let name = nameKeys.lazy.compactMap { tags[$0] }.first
        let capacity = (capacityKeys[kind] ?? defaultCapacityKeys).lazy.compactMap { tags[$0].flatMap(parseCapacity) }.first
        return OSMFacility(kind: kind, name: name, capacity: capacity, coordinate: coordinate, osmReference: osmReference)
    }

    /// "1200", "1 200", "~800" -> integer; ranges and text give nil.
    static func parseCapacity(_ text: String) -> Int? {
        let digits = text.filter { !$0.isWhitespace && $0 != "~" }
        guard let value = Int(digits), value > 0 else { return nil }
        return value
    }

    /// Area centroid of a closed ring (shoelace in local degrees), or the vertex mean for an
    /// open way or a degenerate ring; buildings are small, so planar degrees are fine here.
    static func centroid(_ points: [Coordinate]) -> Coordinate? {
        guard !points.isEmpty else { return nil }
        let meanLon = points.reduce(0) { $0 + $1.lon } / Double(points.count)
        let meanLat = points.reduce(0) { $0 + $1.lat } / Double(points.count)
        guard points.count >= 4, points.first == points.last else { return Coordinate(lon: meanLon, lat: meanLat) }
        var area = 0.0, cx = 0.0, cy = 0.0
        for i in 0..<(points.count - 1) {
            let x0 = points[i].lon - meanLon, y0 = points[i].lat - meanLat
            let x1 = points[i + 1].lon - meanLon, y1 = points[i + 1].lat - meanLat
            let cross = x0 * y1 - x1 * y0
            area += cross; cx += (x0 + x1) * cross; cy += (y0 + y1) * cross
        }
        guard abs(area) > 1e-18 else { return Coordinate(lon: meanLon, lat: meanLat) }
        return Coordinate(lon: meanLon + cx / (3 * area), lat: meanLat + cy / (3 * area))
    }
}
