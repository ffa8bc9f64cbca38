import Foundation

/// One loaded dataset, immutable once built.
///
/// Queries hold a reference to the snapshot they started on, so a reload never changes the
/// data under a running query; the old snapshot is freed when its last query finishes.
public final class Snapshot: Sendable {
    /// The dataset file this was loaded from.
    public let datasetPath: String
    /// The dataset's content hash; every query result carries it so a client can tell which
    /// data answered.
    public let contentHash: String
    /// Descriptive key/value pairs from the loader (`schema_version`, `build_time`, `norms`).
    public let meta: [String: String]
    /// Row count per layer table.
    public let layerCounts: [String: Int]
    /// When loading finished.
    public let loadedAt: Date
    /// How long loading took, in seconds.
    public let loadSeconds: Double
    /// The loaded dataset itself (indexes, graph, ...), opaque at this layer; query handlers
    /// cast it to the type their loader put there.
    public let content: (any Sendable)?

    public init(datasetPath: String, contentHash: String, meta: [String: String],
                layerCounts: [String: Int], loadedAt: Date, loadSeconds: Double,
                content: (any Sendable)? = nil) {
        self.datasetPath = datasetPath
        self.contentHash = contentHash
        self.meta = meta
        self.layerCounts = layerCounts
        self.loadedAt = loadedAt
        self.loadSeconds = loadSeconds
        self.content = content
    }
}
