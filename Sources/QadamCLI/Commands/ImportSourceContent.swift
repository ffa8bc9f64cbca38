import Foundation
import QadamData
import QadamNetwork
import QadamContract

/// What a source read from standard input is, told from its first bytes, as the extension its
/// temporary copy gets (`InputFile.readablePath(fileExtension:)`): the readers of `import` and
/// `validate` pick the format by file name, and `-` has none.
enum ImportSourceContent {
    /// `gpkg` (a SQLite file), `osm.pbf` (an OSM PBF header block), `osm` (XML), `json` (an
    /// Overpass answer), `geojson` (GeoJSON lines with `--layer network`); nil for a GeoJSON
    /// document or CSV, which the layer importer tells apart by content itself. Compressed data
    /// is an error that says to decompress it first.
    static func fileExtension(of file: URL, layer: LayerKind?) throws -> String? {
        let head: [UInt8]
        do {
            let handle = try FileHandle(forReadingFrom: file)
            defer { try? handle.close() }
            head = [UInt8](try handle.read(upToCount: 64) ?? Data())
        } catch {
            throw CLIError("cannot read the copy of standard input: \(error.localizedDescription)", exitCode: .dataError)
        }
        if head.starts(with: Array("SQLite format 3\0".utf8)) { return "gpkg" }
        if isOSMPBF(head) { return "osm.pbf" }
        for (magic, tool) in [([0x1F, 0x8B], "gzip -dc"), (Array("BZh".utf8), "bzip2 -dc"), ([0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00], "xz -dc")]
        where head.starts(with: magic) {
            throw CLIError("standard input is compressed: decompress it first, e.g. \(tool) FILE | qadam ...", exitCode: .dataError)
        }
        let text = head.drop { [0x20, 0x0A, 0x0D, 0x09, 0xEF, 0xBB, 0xBF].contains($0) }
        switch text.first {
        case UInt8(ascii: "<"):
            return "osm"
        case UInt8(ascii: "{"):
            if OverpassJSONDetection.isOverpassJSON(fileAt: file) { return "json" }
            return layer == .network ? "geojson" : nil
        default:
            return nil
        }
    }

    /// A PBF file starts with a 4-byte big-endian length, then a BlobHeader whose field 1
    /// (tag 0x0A) is the string `OSMHeader`.
    static func isOSMPBF(_ head: [UInt8]) -> Bool {
        let type = Array("OSMHeader".utf8)
        return head.count >= 6 + type.count && head[0] == 0 && head[4] == 0x0A && Int(head[5]) == type.count
            && Array(head[6..<(6 + type.count)]) == type
    }
}
