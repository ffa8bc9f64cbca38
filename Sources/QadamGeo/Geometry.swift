import CGEOS
import Foundation
import QadamContract

/// A GEOS geometry owned by Swift: the handle is destroyed exactly once, in `deinit`.
///
/// A `Geometry` is immutable; every operation returns a new one. Read-only use from several
/// threads is safe because each call runs in the calling thread's own GEOS context. For
/// repeated point-in-polygon tests use `prepared()`.
public final class Geometry: @unchecked Sendable, CustomStringConvertible {
    let handle: OpaquePointer

    /// Takes ownership of a handle GEOS returned; throws with GEOS's message if it is nil.
    init(owning handle: OpaquePointer?, _ what: @autoclosure () -> String) throws {
        guard let handle else {
            throw GeometryError(GEOSContext.current.takeError("\(what()) failed"))
        }
        self.handle = handle
    }

    deinit { GEOSGeom_destroy_r(GEOSContext.current.handle, handle) }

    static var ctx: GEOSContextHandle_t { GEOSContext.current.handle }

    // MARK: Reading and writing

    /// Parses Well-Known Text, e.g. `POLYGON((0 0, 1 0, 1 1, 0 0))`.
    public convenience init(wkt: String) throws {
        let reader = GEOSWKTReader_create_r(Self.ctx)
        defer { GEOSWKTReader_destroy_r(Self.ctx, reader) }
        try self.init(owning: GEOSWKTReader_read_r(Self.ctx, reader, wkt), "reading WKT")
    }

    /// Parses Well-Known Binary (either byte order).
    public convenience init(wkb: [UInt8]) throws {
        let reader = GEOSWKBReader_create_r(Self.ctx)
        defer { GEOSWKBReader_destroy_r(Self.ctx, reader) }
        let handle = wkb.withUnsafeBufferPointer {
            GEOSWKBReader_read_r(Self.ctx, reader, $0.baseAddress, $0.count)
        }
        try self.init(owning: handle, "reading WKB")
    }

    /// Parses a GeoJSON geometry object (RFC 7946), e.g. `{"type":"Point","coordinates":[77,43]}`.
    public convenience init(geoJSON: String) throws {
        let reader = GEOSGeoJSONReader_create_r(Self.ctx)
        defer { GEOSGeoJSONReader_destroy_r(Self.ctx, reader) }
        try self.init(owning: GEOSGeoJSONReader_readGeometry_r(Self.ctx, reader, geoJSON),
                      "reading GeoJSON geometry")
    }

    /// Well-Known Text with trailing zeros trimmed and full precision.
    public var wkt: String {
        let writer = GEOSWKTWriter_create_r(Self.ctx)
        defer { GEOSWKTWriter_destroy_r(Self.ctx, writer) }
        GEOSWKTWriter_setTrim_r(Self.ctx, writer, 1)
        GEOSWKTWriter_setOutputDimension_r(Self.ctx, writer, 2)
        return Self.takeString(GEOSWKTWriter_write_r(Self.ctx, writer, handle))
    }

    /// Well-Known Binary, little-endian, 2D (what SpatiaLite's `GeomFromWKB` reads).
    public var wkb: [UInt8] {
        let writer = GEOSWKBWriter_create_r(Self.ctx)
        defer { GEOSWKBWriter_destroy_r(Self.ctx, writer) }
        GEOSWKBWriter_setOutputDimension_r(Self.ctx, writer, 2)
        var size = 0
        guard let buffer = GEOSWKBWriter_write_r(Self.ctx, writer, handle, &size) else { return [] }
        defer { GEOSFree_r(Self.ctx, buffer) }
        return Array(UnsafeBufferPointer(start: buffer, count: size))
    }

    /// A GeoJSON geometry object, compact.
    public var geoJSON: String {
        let writer = GEOSGeoJSONWriter_create_r(Self.ctx)
        defer { GEOSGeoJSONWriter_destroy_r(Self.ctx, writer) }
        return Self.takeString(GEOSGeoJSONWriter_writeGeometry_r(Self.ctx, writer, handle, -1))
    }

    public var description: String { wkt }

    static func takeString(_ cString: UnsafeMutablePointer<CChar>?) -> String {
        guard let cString else { return "" }
        defer { GEOSFree_r(ctx, cString) }
        return String(cString: cString)
    }

    // MARK: Building from coordinates

    public static func point(_ c: Coordinate) -> Geometry {
        // Cannot fail for finite or non-finite doubles: GEOS stores them as given.
        try! Geometry(owning: GEOSGeom_createPointFromXY_r(ctx, c.lon, c.lat), "creating a point")
    }

    public static func lineString(_ coords: [Coordinate]) throws -> Geometry {
        try Geometry(owning: GEOSGeom_createLineString_r(ctx, try sequence(coords)),
                     "creating a line string")
    }

    /// A polygon from an exterior ring and optional holes; rings must be closed.
    public static func polygon(_ shell: [Coordinate], holes: [[Coordinate]] = []) throws -> Geometry {
        // Every ring is made before the polygon; on any failure the rings made so far are
        // destroyed (GEOS owned them only once they are in a polygon).
        var rings: [OpaquePointer?] = []
        do {
            for (i, ring) in ([shell] + holes).enumerated() {
                guard let made = GEOSGeom_createLinearRing_r(ctx, try sequence(ring)) else {
                    throw GeometryError(GEOSContext.current.takeError(i == 0 ? "creating a polygon's exterior ring failed"
                                                                             : "creating polygon hole \(i) failed"))
                }
                rings.append(made)
            }
        } catch {
            rings.forEach { GEOSGeom_destroy_r(ctx, $0) }
            throw error
        }
        var inner = Array(rings.dropFirst())
        let handle = inner.withUnsafeMutableBufferPointer {
            GEOSGeom_createPolygon_r(ctx, rings[0], $0.baseAddress, UInt32($0.count))
        }
        return try Geometry(owning: handle, "creating a polygon")
    }

    /// A multi-geometry or collection that takes ownership of clones of `parts`.
    public static func collection(_ kind: GeometryKind, _ parts: [Geometry]) throws -> Geometry {
        var handles: [OpaquePointer?] = parts.map { GEOSGeom_clone_r(ctx, $0.handle) }
        let handle = handles.withUnsafeMutableBufferPointer {
            GEOSGeom_createCollection_r(ctx, Int32(kind.rawValue), $0.baseAddress, UInt32($0.count))
        }
        return try Geometry(owning: handle, "creating a \(kind)")
    }

    private static func sequence(_ coords: [Coordinate]) throws -> OpaquePointer {
        let flat = coords.flatMap { [$0.lon, $0.lat] }
        let seq = flat.withUnsafeBufferPointer {
            GEOSCoordSeq_copyFromBuffer_r(ctx, $0.baseAddress, UInt32(coords.count), 0, 0)
        }
        guard let seq else {
            throw GeometryError(GEOSContext.current.takeError("creating a coordinate sequence failed"))
        }
        return seq
    }

    // MARK: Inspection

    public var kind: GeometryKind {
        GeometryKind(rawValue: Int(GEOSGeomTypeId_r(Self.ctx, handle))) ?? .geometryCollection
    }

    public var isEmpty: Bool { GEOSisEmpty_r(Self.ctx, handle) == 1 }

    /// The spatial reference id read from EWKB (PostGIS's binary form); 0 when none was given.
    public var srid: Int { Int(GEOSGetSRID_r(Self.ctx, handle)) }

    /// True when GEOS considers the geometry valid (OGC rules: closed, non-self-intersecting rings...).
    public var isValid: Bool { GEOSisValid_r(Self.ctx, handle) == 1 }

    /// Why the geometry is invalid and where, e.g. "Self-intersection at 77.1 43.2"; nil when valid.
    public var invalidityReason: String? {
        var reason: UnsafeMutablePointer<CChar>?
        var location: OpaquePointer?
        let valid = GEOSisValidDetail_r(Self.ctx, handle, 0, &reason, &location)
        defer { if let location { GEOSGeom_destroy_r(Self.ctx, location) } }
        guard valid == 0 else { GEOSFree_r(Self.ctx, reason); return nil }
        var text = Self.takeString(reason)
        if let location {
            var x = 0.0, y = 0.0
            if GEOSGeomGetX_r(Self.ctx, location, &x) == 1, GEOSGeomGetY_r(Self.ctx, location, &y) == 1 {
                text += " at \(x) \(y)"
            }
        }
        return text
    }

    /// A valid version of this geometry (GEOS "structure" method: keeps all area, drops
    /// collapsed parts), so repaired polygons stay polygonal.
    public func makeValid() throws -> Geometry {
        let params = GEOSMakeValidParams_create_r(Self.ctx)
        defer { GEOSMakeValidParams_destroy_r(Self.ctx, params) }
        GEOSMakeValidParams_setMethod_r(Self.ctx, params, GEOS_MAKE_VALID_STRUCTURE)
        GEOSMakeValidParams_setKeepCollapsed_r(Self.ctx, params, 0)
        return try Geometry(owning: GEOSMakeValidWithParams_r(Self.ctx, handle, params), "repairing geometry")
    }

    /// The bounding box in the geometry's own coordinates; `.empty` for an empty geometry.
    public var envelope: BoundingBox {
        guard !isEmpty else { return .empty }
        var b = BoundingBox.empty
        GEOSGeom_getXMin_r(Self.ctx, handle, &b.minX)
        GEOSGeom_getYMin_r(Self.ctx, handle, &b.minY)
        GEOSGeom_getXMax_r(Self.ctx, handle, &b.maxX)
        GEOSGeom_getYMax_r(Self.ctx, handle, &b.maxY)
        return b
    }

    /// The coordinates of a point or line string (empty for other kinds).
    public var coordinates: [Coordinate] {
        guard kind == .point || kind == .lineString || kind == .linearRing, !isEmpty,
              let seq = GEOSGeom_getCoordSeq_r(Self.ctx, handle) else { return [] }
        return Self.coordinates(of: seq)
    }

    static func coordinates(of seq: OpaquePointer) -> [Coordinate] {
        var size: UInt32 = 0
        GEOSCoordSeq_getSize_r(ctx, seq, &size)
        var flat = [Double](repeating: 0, count: Int(size) * 2)
        flat.withUnsafeMutableBufferPointer { _ = GEOSCoordSeq_copyToBuffer_r(ctx, seq, $0.baseAddress, 0, 0) }
        return (0..<Int(size)).map { Coordinate(lon: flat[2 * $0], lat: flat[2 * $0 + 1]) }
    }

    /// The parts of a multi-geometry or collection (the geometry itself for a single one).
    public var parts: [Geometry] {
        let n = Int(GEOSGetNumGeometries_r(Self.ctx, handle))
        guard kind.isCollection else { return [self] }
        return (0..<n).compactMap { i in
            try? Geometry(owning: GEOSGeom_clone_r(Self.ctx, GEOSGetGeometryN_r(Self.ctx, handle, Int32(i))),
                          "copying a part")
        }
    }

    /// Exterior ring then holes of a polygon, as coordinate lists (empty for other kinds).
    public var rings: [[Coordinate]] {
        guard kind == .polygon, !isEmpty, let shell = GEOSGetExteriorRing_r(Self.ctx, handle),
              let shellSeq = GEOSGeom_getCoordSeq_r(Self.ctx, shell) else { return [] }
        var result = [Self.coordinates(of: shellSeq)]
        for i in 0..<GEOSGetNumInteriorRings_r(Self.ctx, handle) {
            if let ring = GEOSGetInteriorRingN_r(Self.ctx, handle, i),
               let seq = GEOSGeom_getCoordSeq_r(Self.ctx, ring) {
                result.append(Self.coordinates(of: seq))
            }
        }
        return result
    }

    /// Planar area in the geometry's own units (square degrees for WGS 84: use `geodesicArea`).
    public var planarArea: Double {
        var a = 0.0
        GEOSArea_r(Self.ctx, handle, &a)
        return a
    }

    // MARK: Operations

    public func centroid() throws -> Geometry {
        try Geometry(owning: GEOSGetCentroid_r(Self.ctx, handle), "computing a centroid")
    }

    /// A point guaranteed to lie inside a polygon (a centroid may fall outside a C-shape).
    public func pointOnSurface() throws -> Geometry {
        try Geometry(owning: GEOSPointOnSurface_r(Self.ctx, handle), "computing a point on surface")
    }

    /// Buffer by `distance` in the geometry's units; `quadrantSegments` controls roundness.
    public func buffer(_ distance: Double, quadrantSegments: Int = 8) throws -> Geometry {
        try Geometry(owning: GEOSBuffer_r(Self.ctx, handle, distance, Int32(quadrantSegments)), "buffering")
    }

    public func union(_ other: Geometry) throws -> Geometry {
        try Geometry(owning: GEOSUnion_r(Self.ctx, handle, other.handle), "union")
    }

    /// Dissolves all parts of a collection into one geometry.
    public func unaryUnion() throws -> Geometry {
        try Geometry(owning: GEOSUnaryUnion_r(Self.ctx, handle), "union of parts")
    }

    public func intersection(_ other: Geometry) throws -> Geometry {
        try Geometry(owning: GEOSIntersection_r(Self.ctx, handle, other.handle), "intersection")
    }

    public func difference(_ other: Geometry) throws -> Geometry {
        try Geometry(owning: GEOSDifference_r(Self.ctx, handle, other.handle), "difference")
    }

    public func simplified(tolerance: Double) throws -> Geometry {
        try Geometry(owning: GEOSTopologyPreserveSimplify_r(Self.ctx, handle, tolerance), "simplifying")
    }

    public func intersects(_ other: Geometry) -> Bool { GEOSIntersects_r(Self.ctx, handle, other.handle) == 1 }
    public func contains(_ other: Geometry) -> Bool { GEOSContains_r(Self.ctx, handle, other.handle) == 1 }
    /// Like `contains`, but true for points on the boundary too.
    public func covers(_ other: Geometry) -> Bool { GEOSCovers_r(Self.ctx, handle, other.handle) == 1 }
    public func equals(_ other: Geometry) -> Bool { GEOSEquals_r(Self.ctx, handle, other.handle) == 1 }

    /// Planar distance in the geometry's units.
    public func distance(to other: Geometry) -> Double {
        var d = 0.0
        GEOSDistance_r(Self.ctx, handle, other.handle, &d)
        return d
    }

    /// Applies `transform` to every vertex (used for CRS changes; see `Projection`).
    public func transformed(_ transform: (inout Double, inout Double) throws -> Void) throws -> Geometry {
        final class Box {
            let body: (inout Double, inout Double) throws -> Void
            var error: Error?
            init(_ body: @escaping (inout Double, inout Double) throws -> Void) { self.body = body }
        }
        return try withoutActuallyEscaping(transform) { escaping in
            let box = Box(escaping)
            let handle = GEOSGeom_transformXY_r(Self.ctx, handle, { x, y, userdata in
                guard let x, let y, let userdata else { return 0 }
                let box = Unmanaged<Box>.fromOpaque(userdata).takeUnretainedValue()
                do { try box.body(&x.pointee, &y.pointee); return 1 } catch { box.error = error; return 0 }
            }, Unmanaged.passUnretained(box).toOpaque())
            if let error = box.error {
                if let handle { GEOSGeom_destroy_r(Self.ctx, handle) }
                throw error
            }
            return try Geometry(owning: handle, "transforming coordinates")
        }
    }

    /// An index-backed copy for fast repeated predicates (point-in-polygon).
    public func prepared() -> PreparedGeometry { PreparedGeometry(self) }
}

/// GEOS geometry type ids (`GEOSGeomTypes`).
public enum GeometryKind: Int, Sendable, CustomStringConvertible {
    case point = 0, lineString, linearRing, polygon, multiPoint, multiLineString, multiPolygon,
         geometryCollection

    public var isCollection: Bool { rawValue >= GeometryKind.multiPoint.rawValue }
    public var isPolygonal: Bool { self == .polygon || self == .multiPolygon }

    public var description: String {
        ["Point", "LineString", "LinearRing", "Polygon", "MultiPoint", "MultiLineString",
         "MultiPolygon", "GeometryCollection"][rawValue]
    }
}
