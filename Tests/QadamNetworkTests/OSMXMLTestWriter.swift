import Foundation
@testable import QadamNetwork

/// Writes the nodes and ways of any source as OSM XML, so a reader can be checked against the
/// XML reader on the same elements. Coordinates are written in Swift's shortest round-trip
/// form, so they read back as the same doubles.
enum OSMXMLTestWriter {
    static func xml(from source: OSMElementSource) throws -> String {
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<osm version=\"0.6\" generator=\"qadam tests\">\n"
        try source.forEachNode(wantTags: true) { node in
            out += "<node id=\"\(node.id)\" lat=\"\(node.coordinate.lat)\" lon=\"\(node.coordinate.lon)\""
            out += node.tags.isEmpty ? "/>\n" : ">\n\(tags(node.tags))</node>\n"
        }
        try source.forEachWay { way in
            out += "<way id=\"\(way.id)\">\n"
            for ref in way.nodeIDs { out += "<nd ref=\"\(ref)\"/>\n" }
            out += tags(way.tags) + "</way>\n"
        }
        return out + "</osm>\n"
    }

    private static func tags(_ tags: [String: String]) -> String {
        tags.sorted { $0.key < $1.key }.map { "<tag k=\"\(escape($0.key))\" v=\"\(escape($0.value))\"/>\n" }.joined()
    }

    /// Attribute text: markup characters, and whitespace XML would otherwise normalise to spaces.
    private static func escape(_ text: String) -> String {
        var out = ""
        for c in text.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\n": out += "&#10;"
            case "\r": out += "&#13;"
            case "\t": out += "&#9;"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }
}
