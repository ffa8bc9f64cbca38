import QadamContract

/// District outlines by id from either backend (the `districts` method with `ids`, as stored:
/// no simplification), as GeoJSON MultiPolygons, so the rows of a roll-up by district or
/// oblast are drawn as their areas in GeoJSON and GeoPackage output.
enum DistrictOutlines {
    static func geoJSON(ids: [String], from backend: QueryBackend) throws -> [String: String] {
        let unique = Array(Set(ids)).sorted()
        guard !unique.isEmpty else { return [:] }
        let answer = try backend.call(RPC.Districts.self, .init(ids: unique, toleranceDeg: 0)).result
        var outlines: [String: String] = [:]
        for district in answer.districts {
            outlines[district.id] = try JSONText.serialize(["type": "MultiPolygon", "coordinates": JSONValue(encoding: district.polygons)])
        }
        return outlines
    }
}
