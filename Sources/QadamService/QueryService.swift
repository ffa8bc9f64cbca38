import QadamProtocol

/// A dataset's snapshots plus the query methods: everything needed to answer a query,
/// without sockets. The daemon runs its worker pool over one; the CLI's `--dataset` mode
/// makes one in-process and gets the same answers.
public final class QueryService: Sendable {
    public let store: SnapshotStore
    public let registry: MethodRegistry

    public init(store: SnapshotStore, registry: MethodRegistry = .standard) {
        self.store = store
        self.registry = registry
    }

    /// Loads `datasetPath` and serves the standard methods on it.
    public convenience init(datasetPath: String, loader: any SnapshotLoader = DatasetSnapshotLoader(),
                            registry: MethodRegistry = .standard) throws {
        self.init(store: try SnapshotStore(datasetPath: datasetPath, loader: loader), registry: registry)
    }

    /// Answers `method` on the current snapshot.
    public func call(_ method: String, params: JSONValue = .null) -> Result<JSONValue, RPCError> {
        registry.call(method, params: params, on: store.current)
    }
}
