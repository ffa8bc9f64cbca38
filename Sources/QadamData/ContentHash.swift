import Crypto

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
        var h = SHA256()
        for e in entries.sorted(by: { $0.id.utf8.lexicographicallyPrecedes($1.id.utf8) }) {
            h.update(data: Array("\(e.id.utf8.count):\(e.id)\(e.record.utf8.count):\(e.record)\(e.wkb.count):".utf8))
            h.update(data: e.wkb)
        }
        return hex(h.finalize())
    }

    static func dataset(_ layerHashes: [LayerKind: String]) -> String {
        var h = SHA256()
        for layer in LayerKind.allCases {
            if let hash = layerHashes[layer] { h.update(data: Array("\(layer.rawValue)=\(hash)\n".utf8)) }
        }
        return hex(h.finalize())
    }

    /// Lower-case hex, the form `info` and the snapshot names show.
    static func hex(_ digest: SHA256.Digest) -> String {
        digest.map { byte in
            let text = String(byte, radix: 16)
            return byte < 16 ? "0" + text : text
        }.joined()
    }
}
