import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import QadamGeo
import QadamContract

/// Streams nodes and ways of an `.osm` XML file (OSM API 0.6 format) with `XMLParser`,
/// which reads from a stream so the document is never held whole.
public struct OSMXMLReader: OSMElementSource {
    public let url: URL
    public var sourceName: String { url.path }

    public init(url: URL) { self.url = url }

    public func forEachWay(_ body: (OSMWay) throws -> Void) throws {
        try parse(wantNodes: false, wantTags: true, onNode: { _ in }, onWay: body)
    }

    public func forEachNode(wantTags: Bool, _ body: (OSMNode) throws -> Void) throws {
        try parse(wantNodes: true, wantTags: wantTags, onNode: body, onWay: { _ in })
    }

    private func parse(wantNodes: Bool, wantTags: Bool,
                       onNode: (OSMNode) throws -> Void, onWay: (OSMWay) throws -> Void) throws {
        guard let stream = InputStream(url: url), FileManager.default.isReadableFile(atPath: url.path) else {
            throw OSMReadError(source: sourceName, location: "open", message: "cannot read the file")
        }
        if let bad = try UTF8Validation.firstInvalid(in: url) {
            throw OSMReadError(source: sourceName, location: "line \(bad.line), byte \(bad.offset)",
                               message: "not valid UTF-8 (OSM XML is UTF-8); the file is damaged or in another encoding")
        }
        try withoutActuallyEscaping(onNode) { onNode in
            try withoutActuallyEscaping(onWay) { onWay in
                let parser = XMLParser(stream: stream)
                let delegate = Delegate(source: sourceName, wantNodes: wantNodes, wantTags: wantTags,
                                        onNode: onNode, onWay: onWay)
                delegate.parser = parser
                parser.delegate = delegate
                let ok = parser.parse()
                if let error = delegate.failure { throw error }
                guard ok else {
                    let reason = parser.parserError.map { "\($0.localizedDescription)" } ?? "unknown XML error"
                    throw OSMReadError(source: sourceName, location: "line \(parser.lineNumber)",
                                       message: "malformed XML: \(reason)")
                }
                guard delegate.sawOSMRoot else {
                    throw OSMReadError(source: sourceName, location: "line 1", message: "no <osm> root element: not an OSM XML file")
                }
            }
        }
    }

    private final class Delegate: NSObject, XMLParserDelegate {
        let source: String
        let wantNodes: Bool
        let wantTags: Bool
        let onNode: (OSMNode) throws -> Void
        let onWay: (OSMWay) throws -> Void
        weak var parser: XMLParser?
        var failure: Error?
        var sawOSMRoot = false

        /// The element being read; optionals (not an enum) so appends happen in place.
        private var currentNode: OSMNode?
        private var currentWay: OSMWay?

        init(source: String, wantNodes: Bool, wantTags: Bool,
             onNode: @escaping (OSMNode) throws -> Void, onWay: @escaping (OSMWay) throws -> Void) {
            self.source = source; self.wantNodes = wantNodes; self.wantTags = wantTags
            self.onNode = onNode; self.onWay = onWay
        }

        private func fail(_ message: String) {
            guard failure == nil else { return }
            failure = OSMReadError(source: source, location: "line \(parser?.lineNumber ?? 0)", message: message)
            parser?.abortParsing()
        }

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?,
                    qualifiedName: String?, attributes: [String: String]) {
            switch name {
            case "osm":
                sawOSMRoot = true
            case "node" where wantNodes:
                guard let id = attributes["id"].flatMap(Int64.init) else { return fail("<node> without a numeric id") }
                guard let lat = attributes["lat"].flatMap(Double.init), let lon = attributes["lon"].flatMap(Double.init) else {
                    return fail("node \(id) has no valid lat/lon")
                }
                currentNode = OSMNode(id: id, coordinate: Coordinate(lon: lon, lat: lat))
            case "way" where !wantNodes:
                guard let id = attributes["id"].flatMap(Int64.init) else { return fail("<way> without a numeric id") }
                currentWay = OSMWay(id: id, nodeIDs: [], tags: [:])
            case "nd":
                guard let wayID = currentWay?.id else { return }
                guard let ref = attributes["ref"].flatMap(Int64.init) else { return fail("way \(wayID): <nd> without a numeric ref") }
                currentWay?.nodeIDs.append(ref)
            case "tag" where wantTags:
                guard let key = attributes["k"], let value = attributes["v"] else { return }
                currentNode?.tags[key] = value
                currentWay?.tags[key] = value
            default:
                break
            }
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            do {
                if name == "node", let node = currentNode {
                    currentNode = nil
                    try onNode(node)
                } else if name == "way", let way = currentWay {
                    currentWay = nil
                    try onWay(way)
                }
            } catch {
                failure = failure ?? error
                parser.abortParsing()
            }
        }
    }
}
