import QadamGeo
import QadamContract

/// One feature, CSV row or query row as read from a source, before it is mapped to a layer.
struct SourceFeature {
    /// 1-based feature index (GeoJSON), row number (CSV, header = row 1) or query row (1-based).
    var number: Int
    var properties: [String: JSONValue]
    /// Nil when the feature has no geometry or its geometry could not be read (see `geometryProblem`).
    var geometry: Geometry?
    /// Why the geometry could not be read; reported as an error by the layer mapper.
    var geometryProblem: String?
    /// The geometry type the file declares (GeoJSON `type`), kept even when the geometry is
    /// unreadable so the layer can still be inferred and every bad feature reported.
    var declaredType: String? = nil
    /// The field the geometry came from (`geometry`, `lon`/`lat`, a WKT column), for locating problems.
    var geometryField: String
}

/// A source file read into features, with the problems found while reading.
struct SourceDocument {
    var file: String
    var format: SourceFormat
    var features: [SourceFeature]
    /// Every property name seen in any feature: used to pick default fields and infer the layer.
    var fieldNames: Set<String>
    /// Set when a CSV has no geometry columns at all: fine for layers whose rows may lack
    /// geometry (polycentres), a header-level error for every other layer.
    var missingGeometryColumns: String? = nil
    /// The columns every row has, when the source declares them and a mapped field outside
    /// them is a typo to stop at (a query's result); nil where rows may differ (GeoJSON) or
    /// missing values are reported row by row (CSV).
    var columns: [String]? = nil

    func location(_ feature: SourceFeature, field: String? = nil) -> ProblemLocation {
        switch format {
        case .geojson, .geopackage: return ProblemLocation(file: file, feature: feature.number, field: field)
        case .csv, .postgis: return ProblemLocation(file: file, row: feature.number, field: field)
        }
    }
}

/// Checks coordinates before GEOS sees them: GEOS accepts NaN and out-of-range values silently.
enum CoordinateCheck {
    /// A message for the first non-finite or out-of-EPSG:4326 coordinate, or nil when all are fine.
    static func problem(lon: Double, lat: Double) -> String? {
        if !lon.isFinite || !lat.isFinite {
            return "coordinate (\(lon), \(lat)) is not a finite number"
        }
        if !(-180...180).contains(lon) || !(-90...90).contains(lat) {
            return "coordinate (\(lon), \(lat)) is outside EPSG:4326 bounds (lon -180..180, lat -90..90)"
        }
        return nil
    }

    /// The envelope's corners checked as coordinates: for geometries read whole (WKT, WKB).
    static func problem(envelopeOf g: Geometry) -> String? {
        let e = g.envelope
        guard !e.isEmpty else { return nil }
        return problem(lon: e.minX, lat: e.minY) ?? problem(lon: e.maxX, lat: e.maxY)
    }
}
