import QadamContract
/// What a spatial database query returned, as one layer's source: every column but the
/// geometry as properties, and the geometry as EWKB (PostGIS's binary form, which carries the
/// SRID). QadamData knows no database client; `QadamPostGIS` fills this in, and
/// `LayerImporter.read(query:options:)` maps it like any file.
public struct QueryResult: Sendable {
    public struct Row: Sendable {
        /// Column name -> value, for every column but the geometry.
        public var properties: [String: JSONValue]
        /// Nil when the row's geometry is NULL.
        public var ewkb: [UInt8]?

        public init(properties: [String: JSONValue], ewkb: [UInt8]?) {
            self.properties = properties
            self.ewkb = ewkb
        }
    }

    /// Names the source in problems and in the dataset's sources, e.g. `postgresql:gis/schools`.
    public var source: String
    /// The columns in the query's order, the geometry column included.
    public var columns: [String]
    /// Nil when the query returns no geometry column.
    public var geometryColumn: String?
    public var rows: [Row]

    public init(source: String, columns: [String], geometryColumn: String?, rows: [Row]) {
        self.source = source
        self.columns = columns
        self.geometryColumn = geometryColumn
        self.rows = rows
    }
}
