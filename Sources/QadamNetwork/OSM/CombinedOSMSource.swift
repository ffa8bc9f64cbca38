/// Several OSM files read as one source: the ways (then the nodes) of each file in turn, and an
/// element whose id an earlier file already gave is skipped, so the first file wins.
///
/// OSM ids are global, so two extracts that overlap (two cities cut with a margin, a town
/// exported twice) give every street and node once, and ways join across files at the nodes
/// they share. Ids made up per file (GeoJSON line layers) would collide instead, which is why
/// `NetworkImporter.source(for:)` refuses to combine those. Remembering the ids costs one set
/// entry per element of every file but the last.
public struct CombinedOSMSource: OSMElementSource {
    public let sources: [OSMElementSource]

    public init(_ sources: [OSMElementSource]) {
        self.sources = sources
    }

    /// "A + B", so an error of the combined import (a way referring to a node no file has)
    /// names every file it looked in.
    public var sourceName: String { sources.map(\.sourceName).joined(separator: " + ") }

    public func forEachWay(_ body: (OSMWay) throws -> Void) throws {
        var firsts = FirstOccurrences(fileCount: sources.count)
        for (file, source) in sources.enumerated() {
            try source.forEachWay { way in if firsts.admit(way.id, file: file) { try body(way) } }
        }
    }

    public func forEachNode(wantTags: Bool, _ body: (OSMNode) throws -> Void) throws {
        var firsts = FirstOccurrences(fileCount: sources.count)
        for (file, source) in sources.enumerated() {
            try source.forEachNode(wantTags: wantTags) { node in if firsts.admit(node.id, file: file) { try body(node) } }
        }
    }

    /// The ids given so far; the last file's need not be remembered, nothing comes after it.
    private struct FirstOccurrences {
        let fileCount: Int
        var seen = Set<Int64>()

        mutating func admit(_ id: Int64, file: Int) -> Bool {
            file == fileCount - 1 ? !seen.contains(id) : seen.insert(id).inserted
        }
    }
}
