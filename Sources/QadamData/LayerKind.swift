/// The layers a dataset can hold; each is one table in the dataset file.
///
/// The declaration order is the canonical order: `info` lists layers in it and the content
/// hash combines layer hashes in it.
public enum LayerKind: String, CaseIterable, Codable, Sendable, Comparable, CustomStringConvertible {
    case districts, settlements, facilities, demand, agglomerations, polycentres, network

    public var description: String { rawValue }

    public static func < (a: LayerKind, b: LayerKind) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }

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
