import Foundation
import QadamData
import QadamNetwork
import QadamContract

/// Builds a dataset's street network at snapshot load, reusing the compiled graph cached
/// beside the dataset (`<dataset>.graph`) when it was made from the same network layer.
///
/// The cache is keyed by the network layer's content hash, so a changed network rebuilds it
/// and an unchanged one loads in milliseconds. Writing the cache is best effort: a read-only
/// location (a hardened daemon) only costs the rebuild on every load.
enum NetworkLoading {
    static func load(store: DatasetStore, datasetPath: String, layer: LayerInfo) throws -> StreetNetwork {
        let cache = URL(fileURLWithPath: datasetPath + ".graph")
        let fingerprint = fingerprint(of: layer.contentHash)
        if let graph = try? StreetGraphCache.read(from: cache, expectedFingerprint: fingerprint) {
            return StreetNetwork(graph: graph)
        }
        let source = try StoredNetwork.source(try store.features(layer: .network), name: "\(datasetPath) (network layer)")
        let built = try NetworkImporter.importNetwork(
            from: source, options: NetworkImportOptions(collectFacilities: false, missingNodes: .fail))
        try? StreetGraphCache.write(built.graph, sourceFingerprint: fingerprint, to: cache)
        return StreetNetwork(graph: built.graph)
    }

    /// The first 64 bits of the layer's SHA-256 (hex).
    static func fingerprint(of hash: String) -> UInt64 {
        UInt64(hash.prefix(16), radix: 16) ?? 0
    }
}
