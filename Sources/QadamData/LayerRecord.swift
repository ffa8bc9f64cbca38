import Foundation
import QadamGeo
import QadamContract

/// A row of one dataset layer: the domain types (`Settlement`, `District`, ...) and `Feature`.
///
/// The store writes every record the same way: its Codable form (minus a large geometry,
/// see `geometryKey`) as canonical JSON in the `record` column, the geometry as WKB in the
/// spatial `geom` column, and a few plain columns (`RecordColumns`) for people querying the file
/// with SQL.
public protocol LayerRecord: Codable, Sendable {
    static var layer: LayerKind { get }
    /// The coding key of a polygon or line geometry kept only in the `geom` column (points are
    /// small and stay in the record too); nil when the record keeps its geometry.
    static var geometryKey: String? { get }
    /// True when a layer is built from several imports, one per `columns.kind` value: an
    /// import then replaces only the parts it brings (districts: importing ADM1 keeps ADM2).
    static var partitionedByKind: Bool { get }
    var id: String { get }
    var storedGeometry: Geometry? { get }
    var columns: RecordColumns { get }
}

extension LayerRecord {
    public static var geometryKey: String? { nil }
    public static var partitionedByKind: Bool { false }
}

/// Plain SQL columns beside the record: a name, a kind (class, level, facility kind, highway)
/// and a population, each optional.
public struct RecordColumns: Sendable {
    public var name: String?
    public var kind: String?
    public var population: Double?
}

/// Codable support for geometries, written as GeoJSON geometry objects.
///
/// When the store decodes a record whose geometry lives in the `geom` column, it passes the
/// geometry in `userInfo[.storedGeometry]` and the record's own JSON has no geometry key.
extension CodingUserInfoKey {
    static let storedGeometry = CodingUserInfoKey(rawValue: "qadam.storedGeometry")!
    /// Set when encoding a record for the `record` column: the geometry goes to `geom` instead.
    static let omitGeometry = CodingUserInfoKey(rawValue: "qadam.omitGeometry")!
}

/// Carries a geometry through `Decoder.userInfo` (which holds `Any`).
final class StoredGeometryBox: Sendable {
    let geometry: Geometry?
    init(_ geometry: Geometry?) { self.geometry = geometry }
}

extension KeyedDecodingContainer {
    func decodeGeometry(forKey key: Key, decoder: Decoder) throws -> Geometry? {
        if let box = decoder.userInfo[.storedGeometry] as? StoredGeometryBox { return box.geometry }
        guard let json = try decodeIfPresent(JSONValue.self, forKey: key), !json.isNull else { return nil }
        do {
            return try Geometry(geoJSON: json.canonicalText)
        } catch {
            throw DecodingError.dataCorruptedError(forKey: key, in: self, debugDescription: "\(error)")
        }
    }
}

extension KeyedEncodingContainer {
    mutating func encodeGeometry(_ geometry: Geometry?, forKey key: Key, encoder: Encoder) throws {
        guard let geometry, encoder.userInfo[.omitGeometry] as? Bool != true else { return }
        try encode(try JSONParser.parse(geometry.geoJSON), forKey: key)
    }
}
