import QadamGeo
import QadamContract

/// An OSM node as the readers hand it out: id, position and (possibly empty) tags.
public struct OSMNode: Sendable, Equatable {
    public var id: Int64
    public var coordinate: Coordinate
    public var tags: [String: String]

    public init(id: Int64, coordinate: Coordinate, tags: [String: String] = [:]) {
        self.id = id; self.coordinate = coordinate; self.tags = tags
    }
}

/// An OSM way: an ordered list of node ids with tags.
public struct OSMWay: Sendable, Equatable {
    public var id: Int64
    public var nodeIDs: [Int64]
    public var tags: [String: String]

    public init(id: Int64, nodeIDs: [Int64], tags: [String: String]) {
        self.id = id; self.nodeIDs = nodeIDs; self.tags = tags
    }
}

/// A source of OSM elements that can be read more than once.
///
/// The importer reads ways first (to learn which nodes it needs) and nodes second, so that
/// memory grows with the kept part of the file rather than with the whole file. Each call
/// re-reads the source from the start and streams elements to the closure.
public protocol OSMElementSource {
    /// A name for error messages (usually the file path).
    var sourceName: String { get }
    func forEachWay(_ body: (OSMWay) throws -> Void) throws
    /// Nodes, with tags. `wantTags` false lets a reader skip tag decoding for speed.
    func forEachNode(wantTags: Bool, _ body: (OSMNode) throws -> Void) throws
}

/// A reading or import failure, located in the source (file, byte offset or blob index,
/// element id) with a message a person can act on.
public struct OSMReadError: Error, CustomStringConvertible, Equatable {
    public var source: String
    public var location: String
    public var message: String

    public init(source: String, location: String, message: String) {
        self.source = source; self.location = location; self.message = message
    }

    public var description: String { "\(source): \(location): \(message)" }
}
