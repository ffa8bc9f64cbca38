import QadamContract

/// The canonical content hashes of a dataset.
///
/// A layer's hash covers its records sorted by id: for each, the id, the canonical record JSON
/// and the geometry's WKB, each length-prefixed so no two different layers feed the same
/// bytes. The dataset's hash covers `layer=hash` lines in `LayerKind` order. Build time,
/// source names and licences are left out, so re-importing the same data gives the same hash.
enum ContentHash {
    struct Entry {
        let id: String
        let record: String
        let wkb: [UInt8]
    }

    static func layer(_ entries: [Entry]) -> String {
        var h = SHA256Digest()
        for e in entries.sorted(by: { $0.id.utf8.lexicographicallyPrecedes($1.id.utf8) }) {
            h.update("\(e.id.utf8.count):\(e.id)\(e.record.utf8.count):\(e.record)\(e.wkb.count):".utf8)
            h.update(e.wkb)
        }
        return h.hexDigest()
    }

    static func dataset(_ layerHashes: [LayerKind: String]) -> String {
        var h = SHA256Digest()
        for layer in LayerKind.allCases {
            if let hash = layerHashes[layer] { h.update("\(layer.rawValue)=\(hash)\n".utf8) }
        }
        return h.hexDigest()
    }
}
