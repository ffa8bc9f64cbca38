import QadamProtocol

/// District outlines by id from either backend (the `districts` method with `ids`, as stored:
/// no simplification), as GeoJSON MultiPolygons, so the rows of a roll-up by district or
/// oblast are drawn as their areas in GeoJSON and GeoPackage output.
enum DistrictOutlines {
    static func geoJSON(ids: [String], from backend: QueryBackend) throws -> [String: String] {
        let unique = Array(Set(ids)).sorted()
        guard !unique.isEmpty else { return [:] }
        let answer = try backend.call("districts", params: ["ids": .array(unique.map(JSONValue.string)), "tolerance_deg": .double(0)])
        var outlines: [String: String] = [:]
        for district in answer["districts"]?.arrayValue ?? [] {
            guard let id = district["id"]?.stringValue, let polygons = district["polygons"] else { continue }
            outlines[id] = try JSONText.serialize(["type": "MultiPolygon", "coordinates": polygons])
        }
        return outlines
    }
}
