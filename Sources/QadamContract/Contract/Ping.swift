extension RPC {
    /// `ping`: a liveness check; the answer's `snapshot` says which data answers.
    public enum Ping: RPCMethod {
        public static let name = "ping"
        public typealias Params = NoParams

        public struct Result: Codable, Sendable, Equatable {
            public var pong: Bool
            public init() { pong = true }
        }
    }
}
