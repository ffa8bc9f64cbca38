import CGEOS
import Foundation
import QadamContract

/// A geometry with GEOS's internal indexes built, for many predicate tests against one
/// polygon (which district contains this point?).
///
/// GEOS builds a prepared geometry's indexes lazily on first use, so concurrent first calls
/// would race; a lock serialises calls on one prepared geometry. Callers that test from many
/// threads at once keep one prepared copy per thread instead.
public final class PreparedGeometry: @unchecked Sendable {
    /// Kept alive because GEOS's prepared geometry points into it.
    public let geometry: Geometry
    private let handle: OpaquePointer
    private let lock = NSLock()

    init(_ geometry: Geometry) {
        self.geometry = geometry
        handle = GEOSPrepare_r(Geometry.ctx, geometry.handle)
    }

    deinit { GEOSPreparedGeom_destroy_r(Geometry.ctx, handle) }

    /// True when the point lies in the interior (not on the boundary).
    public func contains(_ point: Coordinate) -> Bool {
        test(point, GEOSPreparedContains_r)
    }

    /// True when the point lies in the interior or on the boundary.
    public func covers(_ point: Coordinate) -> Bool {
        test(point, GEOSPreparedCovers_r)
    }

    public func intersects(_ other: Geometry) -> Bool {
        lock.withLock { GEOSPreparedIntersects_r(Geometry.ctx, handle, other.handle) == 1 }
    }

    private func test(_ point: Coordinate,
                      _ predicate: (GEOSContextHandle_t?, OpaquePointer?, OpaquePointer?) -> CChar) -> Bool {
        let p = Geometry.point(point)
        return lock.withLock { predicate(Geometry.ctx, handle, p.handle) == 1 }
    }
}
