import QadamContract

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

    /// Answers a method of the contract with typed values on the current snapshot, and says
    /// which snapshot that was; nil when the method is not a contract method.
    public func call<M: RPCMethod>(_ method: M.Type, _ params: M.Params) -> (outcome: Result<M.Result, RPCError>, snapshot: Snapshot)? {
        let snapshot = store.current
        return registry.call(method, params, on: snapshot).map { ($0, snapshot) }
    }
}
