import Foundation

/// Tells an Overpass API JSON answer from a GeoJSON document by the start of the file, without
/// parsing it: an Overpass answer is an object with a top-level `"elements"` array, which
/// Overpass and osmnx write after a header of a few hundred bytes (`version`, `generator`,
/// `osm3s`). A GeoJSON object has no such key.
///
/// Only strings and nesting are tracked, enough to know a key at depth one from the same text
/// deeper down or inside a value; `OverpassJSONReader` does the real parse and its checks.
public enum OverpassJSONDetection {
    /// How much of the file is looked at.
    static let prefixLength = 16 * 1024

    /// False when the file cannot be read: the reader that is picked instead will say why.
    public static func isOverpassJSON(fileAt url: URL) -> Bool {
        guard let handle = try? FileHandle(forReadingFrom: url) else { return false }
        defer { try? handle.close() }
        guard let prefix = try? handle.read(upToCount: prefixLength) else { return false }
        return hasTopLevelElementsArray(Array(prefix))
    }

    static func hasTopLevelElementsArray(_ bytes: [UInt8]) -> Bool {
        var i = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        func skipSpace() {
            while i < bytes.count, [0x20, 0x0A, 0x0D, 0x09].contains(bytes[i]) { i += 1 }
        }
        skipSpace()
        guard i < bytes.count, bytes[i] == UInt8(ascii: "{") else { return false }
        let key = Array("elements".utf8)
        var depth = 0
        while i < bytes.count {
            switch bytes[i] {
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                depth += 1
                i += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                depth -= 1
                i += 1
            case UInt8(ascii: "\""):
                let start = i + 1
                i = start
                while i < bytes.count, bytes[i] != UInt8(ascii: "\"") {
                    i += bytes[i] == UInt8(ascii: "\\") ? 2 : 1
                }
                guard i < bytes.count else { return false }
                let text = bytes[start..<i]
                i += 1
                guard depth == 1, text.elementsEqual(key) else { continue }
                skipSpace()
                guard i < bytes.count, bytes[i] == UInt8(ascii: ":") else { continue }
                i += 1
                skipSpace()
                return i < bytes.count && bytes[i] == UInt8(ascii: "[")
            default:
                i += 1
            }
        }
        return false
    }
}
