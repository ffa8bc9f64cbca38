extension RPC {
    /// `reload` (daemon only): load the dataset file again and swap it in once loaded. The
    /// answer's `snapshot` is the hash of the snapshot now served. A file that cannot be loaded
    /// is a -32001 error; the previous snapshot stays in service.
    public enum Reload: RPCMethod {
        public static let name = "reload"
        public typealias Params = NoParams

        public struct Result: Codable, Sendable, Equatable {
            /// The hash of the snapshot served before.
            public var previous: String
            /// Whether the new snapshot's hash differs from the previous one.
            public var changed: Bool
            /// How long loading took, in seconds.
            public var loadSeconds: Double

            public init(previous: String, changed: Bool, loadSeconds: Double) {
                self.previous = previous; self.changed = changed; self.loadSeconds = loadSeconds
            }

            enum CodingKeys: String, CodingKey {
                case previous, changed, loadSeconds = "load_seconds"
            }
        }
    }
}
