import QadamProtocol

extension MethodRegistry {
    /// `info`: what the snapshot holds — `Snapshot.summary` plus the dataset's build time, the
    /// norms catalogue in use and each layer's details (extent, sources, licences, hash).
    /// The daemon adds its runtime fields (uptime, connections, methods) on top, so
    /// `qadam info` shows the same dataset description in-process and over the socket.
    mutating func registerInfo() {
        register("info") { _, snapshot in
            let dataset = try snapshot.dataset
            var members = snapshot.summary
            members["build_time"] = .string(dataset.info.buildTime)
            members["norms"] = .string(dataset.normsPath)
            members["layer_details"] = try JSONValue(encoding: dataset.info.layers)
            return JSONValue.object(members)
        }
    }
}
