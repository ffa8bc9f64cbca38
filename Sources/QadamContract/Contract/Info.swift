extension RPC {
    /// `info`: what the snapshot holds (the dataset file, its layers, the norms catalogue), the
    /// same whether a daemon or `qadam info --dataset` answers; a daemon adds its runtime state
    /// to the same object. The answer's `snapshot` is the content hash of the data described.
    public enum Info: RPCMethod {
        public static let name = "info"
        public typealias Params = NoParams

        /// One flat object on the wire: the dataset's members and, from a daemon, its own.
        public struct Result: Codable, Sendable, Equatable {
            public var dataset: Dataset
            /// The daemon's runtime state; nil when answered in-process, where there is none.
            public var daemon: Daemon?

            public init(dataset: Dataset, daemon: Daemon? = nil) {
                self.dataset = dataset; self.daemon = daemon
            }

            public init(from decoder: Decoder) throws {
                dataset = try Dataset(from: decoder)
                // A daemon always writes `version`; an in-process answer never does.
                let daemonMembers = try decoder.container(keyedBy: Daemon.CodingKeys.self)
                daemon = daemonMembers.contains(.version) ? try Daemon(from: decoder) : nil
            }

            public func encode(to encoder: Encoder) throws {
                try dataset.encode(to: encoder)
                try daemon?.encode(to: encoder)
            }

            /// What the snapshot holds.
            public struct Dataset: Codable, Sendable, Equatable {
                /// Absolute path of the dataset file (`dataset` on the wire).
                public var path: String
                /// The dataset's `meta.schema_version`, as the text it is stored as.
                public var schemaVersion: String
                /// When the dataset file was last written (ISO 8601).
                public var buildTime: String
                /// Path of the norms catalogue loaded with the dataset.
                public var norms: String
                /// Feature count per layer present, by layer name.
                public var layers: [String: Int]
                /// Each layer's details, in canonical layer order.
                public var layerDetails: [LayerInfo]
                /// When the snapshot finished loading (ISO 8601).
                public var loadedAt: String
                /// How long loading took, in seconds.
                public var loadSeconds: Double

                public init(path: String, schemaVersion: String, buildTime: String, norms: String, layers: [String: Int],
                            layerDetails: [LayerInfo], loadedAt: String, loadSeconds: Double) {
                    self.path = path; self.schemaVersion = schemaVersion; self.buildTime = buildTime; self.norms = norms
                    self.layers = layers; self.layerDetails = layerDetails; self.loadedAt = loadedAt; self.loadSeconds = loadSeconds
                }

                enum CodingKeys: String, CodingKey {
                    case path = "dataset", schemaVersion = "schema_version", buildTime = "build_time", norms, layers
                    case layerDetails = "layer_details", loadedAt = "loaded_at", loadSeconds = "load_seconds"
                }
            }

            /// What only a running daemon knows.
            public struct Daemon: Codable, Sendable, Equatable {
                /// The daemon's version.
                public var version: String
                /// When the daemon started (ISO 8601), and how long ago in seconds.
                public var startedAt: String
                public var uptimeSeconds: Double
                /// Every method this daemon serves, sorted.
                public var methods: [String]
                /// Open connections.
                public var connections: Int
                /// Other requests being answered right now (not counting this `info`).
                public var inFlight: Int
                /// The last failed reload, cleared by a successful one; `null` on the wire when
                /// there is none (the member is always there in a daemon's answer).
                public var lastReloadError: ReloadFailure?

                public init(version: String, startedAt: String, uptimeSeconds: Double, methods: [String], connections: Int,
                            inFlight: Int, lastReloadError: ReloadFailure?) {
                    self.version = version; self.startedAt = startedAt; self.uptimeSeconds = uptimeSeconds; self.methods = methods
                    self.connections = connections; self.inFlight = inFlight; self.lastReloadError = lastReloadError
                }

                enum CodingKeys: String, CodingKey {
                    case version, startedAt = "started_at", uptimeSeconds = "uptime_seconds", methods, connections
                    case inFlight = "in_flight", lastReloadError = "last_reload_error"
                }

                /// As synthesised, except that no reload error is written as `null`, not left out.
                public func encode(to encoder: Encoder) throws {
                    var c = encoder.container(keyedBy: CodingKeys.self)
                    try c.encode(version, forKey: .version)
                    try c.encode(startedAt, forKey: .startedAt)
                    try c.encode(uptimeSeconds, forKey: .uptimeSeconds)
                    try c.encode(methods, forKey: .methods)
                    try c.encode(connections, forKey: .connections)
                    try c.encode(inFlight, forKey: .inFlight)
                    try c.encode(lastReloadError, forKey: .lastReloadError)
                }
            }

            /// Why the last reload failed, and when (ISO 8601).
            public struct ReloadFailure: Codable, Sendable, Equatable {
                public var message: String
                public var at: String

                public init(message: String, at: String) { self.message = message; self.at = at }
            }
        }
    }
}
