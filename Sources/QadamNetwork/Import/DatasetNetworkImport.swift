import Foundation
import QadamData
import QadamGeo
import QadamContract

/// What `qadam import` does with a street network source: read it with `NetworkImporter`
/// (keeping the street ways), then write the dataset's `network` layer and, for OSM files,
/// its `facilities` layer from OSM tags, both in one transaction.
///
/// The source is read completely before the dataset is touched, so a broken extract (a
/// truncated PBF, a way referring to a missing node) fails with nothing written and no new
/// file created; the store's own transaction-and-rename makes the write itself all or nothing.
public enum DatasetNetworkImport {
    /// Counts worth telling the person who ran the import.
    public struct Report: Codable, Sendable, Equatable {
        /// The file name, or the names joined with " + " for several files read as one network.
        public var file: String
        public var waysRead: Int
        public var streetWaysKept: Int
        /// Network layer features (cut ways give one feature per kept run).
        public var storedWays: Int
        public var nodesKept: Int
        public var missingNodeReferences: Int
        public var nodesClippedAway: Int
        public var vertices: Int
        public var edges: Int
        public var walkKm: Double
        public var driveKm: Double
        /// Facilities written, by dataset kind; nil when the facilities layer was left alone.
        public var facilities: [String: Int]?
        public var contentHash: String

        enum CodingKeys: String, CodingKey {
            case file, waysRead = "ways_read", streetWaysKept = "street_ways_kept", storedWays = "stored_ways"
            case nodesKept = "nodes_kept", missingNodeReferences = "missing_node_references"
            case nodesClippedAway = "nodes_clipped_away", vertices, edges, walkKm = "walk_km", driveKm = "drive_km"
            case facilities, contentHash = "content_hash"
        }
    }

    /// Facilities are collected from OSM sources only (PBF, XML, Overpass JSON, or several
    /// combined): a GeoJSON line layer has no tagged points, and replacing the facilities layer
    /// with nothing would lose imported data.
    public static func collectsFacilities(_ source: OSMElementSource) -> Bool {
        !(source is GeoJSONLineSource)
    }

    /// Reads `source` (made from `files`) and replaces the dataset's network layer (and
    /// facilities layer when `options.collectFacilities`), creating the dataset if it does not exist.
    public static func run(source: OSMElementSource, files: [URL], dataset: URL,
                           options: NetworkImportOptions, layerSource: LayerSource) throws -> Report {
        var options = options
        options.keepStreetWays = true
        let imported = try NetworkImporter.importNetwork(from: source, options: options)
        guard !imported.streetWays.isEmpty else {
            throw OSMReadError(source: source.sourceName, location: "streets",
                               message: "no street way is left to import (check --bbox / --clip-district and the file's highway tags)")
        }
        let features = try StoredNetwork.features(imported.streetWays)
        var layers: [LayerRecords] = [.network(features)]
        var byKind: [String: Int]?
        if options.collectFacilities {
            let facilities = imported.facilities.map(datasetFacility)
            layers.append(.facilities(facilities))
            byKind = Dictionary(facilities.map { ($0.kind.rawValue, 1) }, uniquingKeysWith: +)
        }
        let hash = try DatasetStore.openOrCreate(dataset).replaceLayers(layers, source: layerSource)
        let g = imported.graph, r = imported.report
        return Report(file: fileNames(files), waysRead: r.waysRead, streetWaysKept: r.streetWaysKept,
                      storedWays: features.count, nodesKept: r.nodesKept,
                      missingNodeReferences: r.missingNodeReferences, nodesClippedAway: r.nodesClippedAway,
                      vertices: g.vertexCount, edges: g.edgeCount,
                      walkKm: g.totalLength(usableBy: .walk) / 1000, driveKm: g.totalLength(usableBy: .drive) / 1000,
                      facilities: byKind, contentHash: hash)
    }

    /// "almaty.osm.pbf + konaev.json": no directories, which differ between machines.
    public static func fileNames(_ files: [URL]) -> String {
        files.map(\.lastPathComponent).joined(separator: " + ")
    }

    /// An OSM facility as a dataset record: the id is its OSM reference (`node/1`, `way/2`).
    /// OSM kinds the dataset has no kind for (dentist, laboratory, rehabilitation, maternity,
    /// other health care) are stored as `other`.
    public static func datasetFacility(_ f: OSMFacility) -> Facility {
        let kind = FacilityKind(parsing: f.kind) ?? .other
        return Facility(id: f.osmReference, kind: kind, name: f.name, point: f.coordinate,
                        capacity: f.capacity.map(Double.init))
    }
}
