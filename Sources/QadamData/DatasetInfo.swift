import QadamGeo
import QadamContract

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
