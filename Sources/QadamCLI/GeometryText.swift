import QadamContract

/// GeoJSON geometry text for the rows of a table written as GeoJSON or GeoPackage.
enum GeometryText {
    static func point(lon: Double, lat: Double) -> String {
        #"{"type":"Point","coordinates":[\#(TabularValue.plain(lon)),\#(TabularValue.plain(lat))]}"#
    }

    static func point(_ c: Coordinate) -> String { point(lon: c.lon, lat: c.lat) }

    static func lineString(_ line: LineString) throws -> String { try JSONStreamEncoder.encode(line) }
}
