extension RPC {
    /// `stats` (daemon only): requests per method since the daemon started, with errors and
    /// latencies, and its connections, caches and dropped log lines. The answer's `snapshot` is
    /// the one being served.
    public enum Stats: RPCMethod {
        public static let name = "stats"
        public typealias Params = NoParams

        public struct Result: Codable, Sendable, Equatable {
            /// Seconds since the daemon started.
            public var uptimeSeconds: Double
            public var connections: Connections
            /// Other requests being answered right now (not counting this `stats`).
            public var inFlight: Int
            /// By method name; lines that were not requests count under `(invalid)`, unknown
            /// method names under `(unknown)`.
            public var methods: [String: MethodFigures]
            /// The street network's caches; nil (`null` on the wire) without a network.
            public var caches: Caches?
            /// Log lines dropped because the log queue was full.
            public var logLinesDropped: Int

            public init(uptimeSeconds: Double, connections: Connections, inFlight: Int, methods: [String: MethodFigures],
                        caches: Caches?, logLinesDropped: Int) {
                self.uptimeSeconds = uptimeSeconds; self.connections = connections; self.inFlight = inFlight
                self.methods = methods; self.caches = caches; self.logLinesDropped = logLinesDropped
            }

            enum CodingKeys: String, CodingKey {
                case uptimeSeconds = "uptime_seconds", connections, inFlight = "in_flight", methods, caches
                case logLinesDropped = "log_lines_dropped"
            }

            /// As synthesised, except that no caches are written as `null`, not left out.
            public func encode(to encoder: Encoder) throws {
                var c = encoder.container(keyedBy: CodingKeys.self)
                try c.encode(uptimeSeconds, forKey: .uptimeSeconds)
                try c.encode(connections, forKey: .connections)
                try c.encode(inFlight, forKey: .inFlight)
                try c.encode(methods, forKey: .methods)
                try c.encode(caches, forKey: .caches)
                try c.encode(logLinesDropped, forKey: .logLinesDropped)
            }

            public struct Connections: Codable, Sendable, Equatable {
                /// Open now.
                public var open: Int
                /// Accepted since the daemon started.
                public var total: Int

                public init(open: Int, total: Int) { self.open = open; self.total = total }
            }

            /// One method's requests: how many, how many failed, and latency quantiles from
            /// arrival to answer (HdrHistogram, 3 significant digits, to the microsecond).
            public struct MethodFigures: Codable, Sendable, Equatable {
                public var count: Int
                public var errors: Int
                public var p50Ms: Double
                public var p90Ms: Double
                public var p99Ms: Double
                public var maxMs: Double

                public init(count: Int, errors: Int, p50Ms: Double, p90Ms: Double, p99Ms: Double, maxMs: Double) {
                    self.count = count; self.errors = errors; self.p50Ms = p50Ms; self.p90Ms = p90Ms; self.p99Ms = p99Ms; self.maxMs = maxMs
                }

                enum CodingKeys: String, CodingKey {
                    case count, errors, p50Ms = "p50_ms", p90Ms = "p90_ms", p99Ms = "p99_ms", maxMs = "max_ms"
                }
            }

            /// What the snapshot's street network keeps between requests.
            public struct Caches: Codable, Sendable, Equatable {
                /// Facility indexes kept, and their size in bytes.
                public var facilityIndexes: Int
                public var facilityIndexBytes: Int
                /// Searches pooled for reuse, and their size in bytes.
                public var idleSearches: Int
                public var searchBytes: Int

                public init(facilityIndexes: Int, facilityIndexBytes: Int, idleSearches: Int, searchBytes: Int) {
                    self.facilityIndexes = facilityIndexes; self.facilityIndexBytes = facilityIndexBytes
                    self.idleSearches = idleSearches; self.searchBytes = searchBytes
                }

                enum CodingKeys: String, CodingKey {
                    case facilityIndexes = "facility_indexes", facilityIndexBytes = "facility_index_bytes"
                    case idleSearches = "idle_searches", searchBytes = "search_bytes"
                }
            }
        }
    }
}
