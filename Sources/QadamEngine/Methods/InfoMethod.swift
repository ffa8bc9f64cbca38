import Foundation
import QadamContract

extension MethodRegistry {
    /// `info`: what the snapshot holds — its dataset file, counts and load time, the dataset's
    /// build time, the norms catalogue in use and each layer's details (extent, sources,
    /// licences, hash). The daemon adds its runtime state to the same description, so
    /// `qadam info` shows the same dataset in-process and over the socket.
    mutating func registerInfo() {
        register(RPC.Info.self) { _, snapshot in RPC.Info.Result(dataset: try RPC.Info.Result.Dataset(describing: snapshot)) }
    }
}

extension RPC.Info.Result.Dataset {
    /// What `snapshot` holds, as `info` describes it.
    public init(describing snapshot: Snapshot) throws(RPCError) {
        let dataset = try snapshot.dataset
        self.init(path: snapshot.datasetPath, schemaVersion: String(dataset.info.schemaVersion), buildTime: dataset.info.buildTime,
                  norms: dataset.normsPath, layers: snapshot.layerCounts, layerDetails: dataset.info.layers,
                  loadedAt: snapshot.loadedAt.formatted(.iso8601), loadSeconds: snapshot.loadSeconds)
    }
}
