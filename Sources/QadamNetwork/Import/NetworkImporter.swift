import Foundation
import QadamGeo
import QadamContract

/// What to keep while importing a street network.
public struct NetworkImportOptions {
    /// Keep only nodes inside this box (ways are cut where they leave it).
    public var boundingBox: BoundingBox?
    /// Keep only nodes for which this returns true, e.g. a prepared polygon's `contains`.
    public var clip: ((Coordinate) -> Bool)?
    /// Collect facilities (schools, clinics, ...) from tagged nodes and buildings.
    public var collectFacilities: Bool
    /// What a health facility's name says it is (docs/osm-facilities.md).
    public var facilityNameRules: FacilityNameRules
    /// What to do when a way refers to a node the source does not contain.
    public var missingNodes: MissingNodePolicy
    /// Also return the kept street ways (node runs after clipping, with all their tags, so the
    /// profile rules give the same answer again), to store them as a dataset's network layer
    /// and rebuild the same graph from it.
    public var keepStreetWays: Bool

    public enum MissingNodePolicy: Sendable {
        /// Throw an error naming the way and the node: the right default for hand-made files.
        case fail
        /// Cut the way at the missing node and count it in the report: for clipped extracts.
        case cutWay
    }

    public init(boundingBox: BoundingBox? = nil, clip: ((Coordinate) -> Bool)? = nil,
                collectFacilities: Bool = true, facilityNameRules: FacilityNameRules = .builtIn,
                missingNodes: MissingNodePolicy = .fail, keepStreetWays: Bool = false) {
        self.boundingBox = boundingBox; self.clip = clip
        self.collectFacilities = collectFacilities; self.facilityNameRules = facilityNameRules
        self.missingNodes = missingNodes
        self.keepStreetWays = keepStreetWays
    }

    func keeps(_ c: Coordinate) -> Bool {
        (boundingBox?.contains(c) ?? true) && (clip?(c) ?? true)
    }
}

/// The outcome of an import: the graph, the facilities found and counts worth reporting.
public struct NetworkImport: Sendable {
    public var graph: StreetGraph
    public var facilities: [OSMFacility]
    /// The street ways the graph was built from; empty unless `keepStreetWays` was set.
    public var streetWays: [StreetWay] = []
    public var report: Report

    public struct Report: Sendable, Equatable {
        public var waysRead = 0
        public var streetWaysKept = 0
        public var nodesKept = 0
        public var missingNodeReferences = 0
        public var nodesClippedAway = 0
    }
}

/// Imports a street network from any `OSMElementSource` in two passes: ways first (keeping
/// street ways with their access and facility buildings, and noting the node ids they use),
/// then nodes (keeping only those ids, plus tagged facility nodes). Memory is proportional to
/// the kept ways, not to the file.
public enum NetworkImporter {
    public static func importNetwork(from source: OSMElementSource,
                                     options: NetworkImportOptions = NetworkImportOptions()) throws -> NetworkImport {
        var report = NetworkImport.Report()
        var streets: [(way: OSMWay, access: WayAccess)] = []
        var facilityWays: [(way: OSMWay, tags: [String: String])] = []
        var wanted = Set<Int64>()
        try source.forEachWay { way in
            report.waysRead += 1
            if let access = WayAccess(tags: way.tags) {
                var kept = way
                if !options.keepStreetWays { kept.tags = [:] }
                streets.append((kept, access))
                wanted.formUnion(way.nodeIDs)
            } else if options.collectFacilities, OSMFacilityMapping.kind(for: way.tags) != nil {
                facilityWays.append((way, way.tags))
                wanted.formUnion(way.nodeIDs)
            }
        }
        report.streetWaysKept = streets.count

        var coordinates = [Int64: Coordinate](minimumCapacity: wanted.count)
        var facilities: [OSMFacility] = []
        try source.forEachNode(wantTags: options.collectFacilities) { node in
            if wanted.contains(node.id) { coordinates[node.id] = node.coordinate }
            if options.collectFacilities, !node.tags.isEmpty, options.keeps(node.coordinate),
               let facility = OSMFacilityMapping.facility(tags: node.tags, at: node.coordinate, osmReference: "node/\(node.id)",
                                                         nameRules: options.facilityNameRules) {
                facilities.append(facility)
            }
        }
        report.nodesKept = coordinates.count

        func missing(_ way: OSMWay, _ node: Int64) throws {
            report.missingNodeReferences += 1
            if options.missingNodes == .fail {
                throw OSMReadError(source: source.sourceName, location: "way \(way.id)",
                                   message: "refers to node \(node), which is not in the file")
            }
        }

        var builder = StreetGraphBuilder()
        var streetWays: [StreetWay] = []
        for (way, access) in streets {
            var run: [(id: Int64, coordinate: Coordinate)] = []
            func endRun() {
                builder.addWay(nodes: run, access: access)
                if options.keepStreetWays, run.count >= 2 {
                    streetWays.append(StreetWay(id: way.id, nodes: run, tags: way.tags))
                }
                run = []
            }
            for id in way.nodeIDs {
                guard let c = coordinates[id] else {
                    try missing(way, id)
                    endRun()
                    continue
                }
                guard options.keeps(c) else {
                    report.nodesClippedAway += 1
                    endRun()
                    continue
                }
                run.append((id, c))
            }
            endRun()
        }

        for (way, tags) in facilityWays {
            var points: [Coordinate] = []
            for id in way.nodeIDs {
                guard let c = coordinates[id] else { try missing(way, id); continue }
                points.append(c)
            }
            guard let centroid = OSMFacilityMapping.centroid(points), options.keeps(centroid),
                  let facility = OSMFacilityMapping.facility(tags: tags, at: centroid, osmReference: "way/\(way.id)",
                                                        nameRules: options.facilityNameRules)
            else { continue }
            facilities.append(facility)
        }
        return NetworkImport(graph: builder.build(), facilities: facilities, streetWays: streetWays, report: report)
    }

    /// Picks the reader by file name: `.osm.pbf`/`.pbf`, `.osm`/`.xml`; for `.json`/`.geojson`
    /// by content, an Overpass API answer (`OverpassJSONDetection`) or GeoJSON lines.
    public static func source(for url: URL) throws -> OSMElementSource {
        let name = url.lastPathComponent.lowercased()
        if name.hasSuffix(".pbf") { return PBFFileReader(url: url) }
        if name.hasSuffix(".osm") || name.hasSuffix(".xml") { return OSMXMLReader(url: url) }
        if name.hasSuffix(".geojson") || name.hasSuffix(".json") {
            return OverpassJSONDetection.isOverpassJSON(fileAt: url) ? try OverpassJSONReader(url: url) : try GeoJSONLineSource(url: url)
        }
        if name.hasSuffix(".bz2") || name.hasSuffix(".gz") {
            throw OSMReadError(source: url.path, location: "file name",
                               message: "compressed OSM XML is not read directly: decompress it first (e.g. bzip2 -dk)")
        }
        throw OSMReadError(source: url.path, location: "file name",
                           message: "unknown network format (expected .osm.pbf, .osm, Overpass JSON or GeoJSON lines)")
    }

    /// One source for several files, read as one network (`CombinedOSMSource`); a single file
    /// is read as it is. GeoJSON line layers are imported on their own: their node ids are made
    /// up per file, so two files would join at ids that mean different places.
    public static func source(for urls: [URL]) throws -> OSMElementSource {
        let sources = try urls.map(source(for:))
        guard sources.count != 1 else { return sources[0] }
        if let lines = sources.first(where: { $0 is GeoJSONLineSource }) {
            throw OSMReadError(source: lines.sourceName, location: "file list",
                               message: "a GeoJSON line layer is imported on its own, not together with other files")
        }
        return CombinedOSMSource(sources)
    }
}
