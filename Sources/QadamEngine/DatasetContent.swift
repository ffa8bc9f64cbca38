import Foundation
import QadamMeasures
import QadamData
import QadamGeo
import QadamNetwork
import QadamContract

/// Everything a snapshot holds for queries: the dataset's layers, the indexes built over
/// them once at load, and the norms catalogue the answers are judged against.
public final class DatasetContent: Sendable {
    public let info: DatasetInfo
    public let settlements: [Settlement]
    public let districts: [District]
    public let facilities: [Facility]
    public let demand: [DemandPoint]
    public let agglomerations: [Agglomeration]
    public let polycentres: [Polycentre]
    public let gazetteer: Gazetteer
    /// Settlements and districts by name, for `resolve` and every parameter that names a place.
    public let places: PlaceDirectory
    /// The street network, when the dataset has a `network` layer.
    public let network: StreetNetwork?
    /// Shared state of network queries (facility indexes, search objects); nil without a network.
    public let networkQueries: NetworkQueries?
    public let norms: NormsCatalogue
    /// Where the norms came from (shown by `info`, echoed by measures).
    public let normsPath: String
    /// The measures' inputs, built on the first service-gap query (Analytics/).
    public let analytics = AnalyticsCache()

    public init(store: DatasetStore, datasetPath: String, norms: NormsCatalogue, normsPath: String) throws {
        info = try store.info()
        settlements = try store.settlements()
        districts = try store.districts()
        facilities = try store.facilities()
        demand = try store.demand()
        agglomerations = try store.agglomerations()
        polycentres = try store.polycentres()
        gazetteer = Gazetteer(districts: districts, settlements: settlements,
                              polycentres: polycentres, agglomerations: agglomerations)
        places = PlaceDirectory(settlements: settlements, districts: districts)
        if let layer = info.layer(.network), layer.featureCount > 0 {
            network = try NetworkLoading.load(store: store, datasetPath: datasetPath, layer: layer)
        } else {
            network = nil
        }
        self.norms = norms
        self.normsPath = normsPath
        networkQueries = network.map { [facilities] in NetworkQueries(network: $0, facilities: facilities) }
    }

    /// A reload frees the previous snapshot's content (graph, indexes, layers: tens to
    /// hundreds of MB) once its last request ends. glibc keeps freed memory in its arenas, so
    /// without a trim every reload would leave the daemon's resident size higher (measured:
    /// 91 MB to 154 MB over 10 reloads of the default dataset); trimming gives it back.
    deinit {
        _ = Self.mallocTrim?(0)
    }

    /// glibc's `malloc_trim`, looked up at run time (its header is not in the Glibc module).
    private static let mallocTrim: (@convention(c) (Int) -> Int32)? = {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "malloc_trim") else { return nil }
        return unsafeBitCast(symbol, to: (@convention(c) (Int) -> Int32).self)
    }()
}

extension Snapshot {
    /// The loaded dataset; every snapshot made by `DatasetSnapshotLoader` has one.
    var dataset: DatasetContent {
        get throws(RPCError) {
            guard let content = content as? DatasetContent else {
                throw RPCError.internalError("snapshot of \(datasetPath) holds no dataset")
            }
            return content
        }
    }
}
