import QadamData
import QadamGeo

/// Where a demand layer speaks for the people: around its points, per area they were made for
/// (an estimate's district, clipped to that district's polygon), or around all of them for a
/// layer without areas (a user's grid). A settlement inside is already counted by the layer's
/// points, so the measures must not count it again.
struct DemandLayerExtent {
    /// About 500 m: a settlement point at the edge of a city's streets is still the city.
    static let margin = 0.005

    private let boxes: [(box: BoundingBox, district: String?)]
    private let districtIndex: AreaIndex<String>

    init(_ points: [DemandPoint], districts: [District]) {
        var byArea: [String?: BoundingBox] = [:]
        for p in points {
            let b = BoundingBox(point: p.point)
            byArea[p.districtID] = byArea[p.districtID].map { $0.union(b) } ?? b
        }
        let known = Set(districts.map(\.id))
        boxes = byArea.map { area, box in
            (box.expanded(by: Self.margin), area.flatMap { known.contains($0) ? $0 : nil })
        }
        let used = Set(boxes.compactMap(\.district))
        districtIndex = AreaIndex(districts.filter { used.contains($0.id) }.map { ($0.polygon, $0.id) })
    }

    func contains(_ c: Coordinate) -> Bool {
        boxes.contains { entry in
            guard entry.box.contains(c) else { return false }
            guard let district = entry.district else { return true }
            return districtIndex.covering(c).contains(district)
        }
    }
}
