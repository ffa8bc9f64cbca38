import CPROJ
import Foundation
import QadamContract

/// A coordinate transformation between two CRSs, with longitude/easting first on both sides
/// (`proj_normalize_for_visualization`), whatever axis order the EPSG definitions declare.
///
/// Each projection owns its own PROJ context, which PROJ requires per thread; a lock makes one
/// projection safe to share, and callers on hot paths keep one per thread.
public final class Projection: @unchecked Sendable {
    public let source: String
    public let target: String
    private let context: OpaquePointer
    private let pj: OpaquePointer
    private let lock = NSLock()

    /// E.g. `Projection(from: "EPSG:4326", to: "EPSG:32643")`.
    public init(from source: String, to target: String) throws {
        self.source = source
        self.target = target
        guard let context = proj_context_create() else { throw GeometryError("PROJ: no context") }
        self.context = context
        // Errors are reported through GeometryError, not printed on stderr.
        proj_log_level(context, PJ_LOG_NONE)
        guard let raw = proj_create_crs_to_crs(context, source, target, nil) else {
            let message = Self.errorText(context)
            proj_context_destroy(context)
            throw GeometryError("PROJ cannot transform \(source) to \(target): \(message)")
        }
        defer { proj_destroy(raw) }
        guard let normalized = proj_normalize_for_visualization(context, raw) else {
            let message = Self.errorText(context)
            proj_context_destroy(context)
            throw GeometryError("PROJ cannot normalise axis order for \(source) to \(target): \(message)")
        }
        pj = normalized
    }

    deinit {
        proj_destroy(pj)
        proj_context_destroy(context)
    }

    /// WGS 84 to the UTM zone that contains `point` (metres, easting first).
    public static func utm(for point: Coordinate) throws -> Projection {
        try Projection(from: "EPSG:4326", to: "EPSG:\(UTMZone(containing: point).epsg)")
    }

    public func forward(_ c: Coordinate) throws -> Coordinate { try transform(c, PJ_FWD) }
    public func inverse(_ c: Coordinate) throws -> Coordinate { try transform(c, PJ_INV) }

    /// Transforms every vertex of a geometry.
    public func forward(_ g: Geometry) throws -> Geometry {
        try g.transformed { x, y in
            let p = try self.forward(Coordinate(lon: x, lat: y))
            x = p.lon; y = p.lat
        }
    }

    private func transform(_ c: Coordinate, _ direction: PJ_DIRECTION) throws -> Coordinate {
        try lock.withLock {
            let out = proj_trans(pj, direction, proj_coord(c.lon, c.lat, 0, 0))
            guard out.xy.x.isFinite, out.xy.y.isFinite else {
                let message = Self.errorText(context)
                proj_errno_reset(pj)
                throw GeometryError("PROJ cannot transform (\(c.lon), \(c.lat)) from \(source) to \(target): \(message)")
            }
            return Coordinate(lon: out.xy.x, lat: out.xy.y)
        }
    }

    private static func errorText(_ context: OpaquePointer) -> String {
        let code = proj_context_errno(context)
        guard code != 0, let text = proj_context_errno_string(context, code) else { return "unknown error" }
        return String(cString: text)
    }
}

/// A UTM zone on WGS 84: Kazakhstan spans zones 39 (Caspian) to 45 (Altai); Almaty is 43 N.
public struct UTMZone: Hashable, Sendable {
    public let number: Int
    public let north: Bool

    public init(containing point: Coordinate) {
        number = min(60, max(1, Int(((point.lon + 180) / 6).rounded(.down)) + 1))
        north = point.lat >= 0
    }

    /// EPSG code: 326zz north, 327zz south.
    public var epsg: Int { (north ? 32600 : 32700) + number }
}
