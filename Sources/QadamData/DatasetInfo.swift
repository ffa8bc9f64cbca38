import QadamGeo

/// Where a layer came from: recorded at import, shown by `qadam info`.
public struct LayerSource: Codable, Sendable, Hashable {
    /// The file name imported (no directory: build machines differ).
    public var file: String?
    public var name: String?
    public var licence: String?
    /// Which part of a partitioned layer this source filled (a district level); nil otherwise.
    public var part: String?

    public init(file: String? = nil, name: String? = nil, licence: String? = nil, part: String? = nil) {
        self.file = file; self.name = name; self.licence = licence; self.part = part
    }
}

/// One layer of a dataset, as `info` reports it.
public struct LayerInfo: Codable, Sendable {
    public var layer: LayerKind
    public var featureCount: Int
    /// Rows without geometry (only polycentres may have them).
    public var missingGeometryCount: Int
    /// WGS 84 extent; nil for a layer without geometries.
    public var extent: BoundingBox?
    /// One source per import that built the layer (districts: one per level).
    public var sources: [LayerSource]
    public var importedAt: String
    /// SHA-256 over the layer's canonical content (see docs/dataset.md).
    public var contentHash: String

    enum CodingKeys: String, CodingKey {
        case layer, featureCount = "feature_count", missingGeometryCount = "missing_geometry_count", extent, sources
        case importedAt = "imported_at", contentHash = "content_hash"
    }
}

/// A dataset's summary: schema version, build time, content hash, layers.
public struct DatasetInfo: Codable, Sendable {
    public var path: String
    public var schemaVersion: Int
    public var buildTime: String
    /// SHA-256 over the layers' content hashes: equal content gives an equal hash whenever and
    /// wherever it was built. Daemon answers carry it as `snapshot`.
    public var contentHash: String
    public var layers: [LayerInfo]

    enum CodingKeys: String, CodingKey {
        case path, schemaVersion = "schema_version", buildTime = "build_time", contentHash = "content_hash", layers
    }

    public func layer(_ kind: LayerKind) -> LayerInfo? { layers.first { $0.layer == kind } }
}
