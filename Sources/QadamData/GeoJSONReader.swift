import Foundation
import QadamGeo
import QadamContract

/// Reads a GeoJSON FeatureCollection (or a single Feature) into `SourceFeature`s.
enum GeoJSONReader {
    static func read(_ data: Data, file: String) throws -> SourceDocument {
        let root: JSONValue
        do {
            root = try JSONParser.parse(data)
        } catch let e {
            throw ImportError.unreadable(file: file, problems: [
                DataProblem(.error, ProblemLocation(file: file, line: e.line, column: e.column),
                            "broken JSON: \(e.message)"),
            ])
        }
        let featureValues: [JSONValue]
        switch root["type"]?.stringValue {
        case "FeatureCollection":
            guard let list = root["features"]?.arrayValue else {
                throw unreadable(file, "a FeatureCollection needs a 'features' array")
            }
            featureValues = list
        case "Feature":
            featureValues = [root]
        default:
            throw unreadable(file, "expected a GeoJSON FeatureCollection or Feature, found type \(root["type"]?.description ?? "none")")
        }
        var names = Set<String>()
        var features: [SourceFeature] = []
        features.reserveCapacity(featureValues.count)
        for (i, value) in featureValues.enumerated() {
            let properties = value["properties"]?.objectValue ?? [:]
            names.formUnion(properties.keys)
            var feature = SourceFeature(number: i + 1, properties: properties, geometry: nil,
                                        geometryProblem: nil, geometryField: "geometry")
            if value["type"]?.stringValue != "Feature" {
                feature.geometryProblem = "not a GeoJSON Feature (type \(value["type"]?.description ?? "missing"))"
            } else if let g = value["geometry"], !g.isNull {
                feature.declaredType = g["type"]?.stringValue
                do { feature.geometry = try geometry(g) } catch { feature.geometryProblem = "\(error)" }
            }
            features.append(feature)
        }
        return SourceDocument(file: file, format: .geojson, features: features, fieldNames: names)
    }

    private static func unreadable(_ file: String, _ message: String) -> ImportError {
        .unreadable(file: file, problems: [DataProblem(.error, ProblemLocation(file: file), message)])
    }

    /// Builds a geometry after checking every coordinate (GEOS's reader cannot see NaN: JSON has none).
    static func geometry(_ g: JSONValue) throws -> Geometry {
        guard let coords = g["coordinates"] ?? g["geometries"] else {
            throw GeometryError("geometry has no 'coordinates'")
        }
        if let problem = firstCoordinateProblem(coords) { throw GeometryError(problem) }
        if g["type"]?.stringValue == "Point", let xy = coords.arrayValue, xy.count >= 2,
           let lon = xy[0].doubleValue, let lat = xy[1].doubleValue {
            return .point(Coordinate(lon: lon, lat: lat))
        }
        return try Geometry(geoJSON: g.canonicalText)
    }

    private static func firstCoordinateProblem(_ v: JSONValue) -> String? {
        guard let list = v.arrayValue else {
            if case .object = v { return v["coordinates"].flatMap(firstCoordinateProblem) } // GeometryCollection member
            return nil
        }
        if list.count >= 2, let lon = list[0].doubleValue, let lat = list[1].doubleValue {
            return CoordinateCheck.problem(lon: lon, lat: lat)
        }
        for item in list { if let p = firstCoordinateProblem(item) { return p } }
        return nil
    }
}
