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

/// One layer of a dataset, as `info` reports it (`layer_details`).
public struct LayerInfo: Codable, Sendable, Equatable {
    public var layer: LayerKind
    public var featureCount: Int
    /// Rows without geometry (only polycentres may have them).
    public var missingGeometryCount: Int
    /// WGS 84 extent; nil (absent on the wire) for a layer without geometries.
    public var extent: BoundingBox?
    /// One source per import that built the layer (districts: one per level).
    public var sources: [LayerSource]
    /// When the layer was imported (ISO 8601).
    public var importedAt: String
    /// SHA-256 over the layer's canonical content (see docs/dataset.md).
    public var contentHash: String

    public init(layer: LayerKind, featureCount: Int, missingGeometryCount: Int, extent: BoundingBox?,
                sources: [LayerSource], importedAt: String, contentHash: String) {
        self.layer = layer; self.featureCount = featureCount; self.missingGeometryCount = missingGeometryCount
        self.extent = extent; self.sources = sources; self.importedAt = importedAt; self.contentHash = contentHash
    }

    enum CodingKeys: String, CodingKey {
        case layer, featureCount = "feature_count", missingGeometryCount = "missing_geometry_count", extent, sources
        case importedAt = "imported_at", contentHash = "content_hash"
    }
}
