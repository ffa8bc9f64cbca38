import QadamContract

/// The geometry each layer of a dataset must carry; `LayerKind` itself is declared in the
/// wire contract (QadamContract), where `info` names layers with it.
extension LayerKind {
    /// The shape every geometry of the layer must have.
    public var geometryShape: GeometryShape {
        switch self {
        case .districts: return .polygonal
        case .polycentres: return .optionalPolygonal
        case .settlements, .facilities, .agglomerations: return .point
        case .demand: return .pointOrCell
        case .network: return .linear
        }
    }
}

/// What geometry a layer's features must carry.
public enum GeometryShape: String, Sendable {
    case point, polygonal, optionalPolygonal, linear
    /// A point, or a cell polygon (a population grid's square or hexagon) stored at its centroid.
    case pointOrCell

    /// The SpatiaLite column type (`AddGeometryColumn`); mixed polygon/multipolygon layers use
    /// the generic type so neither has to be promoted.
    var spatialiteType: String {
        switch self {
        case .point, .pointOrCell: return "POINT"
        case .polygonal, .optionalPolygonal, .linear: return "GEOMETRY"
        }
    }

    var allowsMissingGeometry: Bool { self == .optionalPolygonal }
}
