import QadamProtocol

extension MethodRegistry {
    /// `ping`: a liveness check that also says which snapshot answers (the registry adds
    /// `snapshot`). Registered here rather than in the daemon so `qadam ping --dataset`
    /// answers the same way in-process.
    mutating func registerPing() {
        register("ping", inline: .always) { _, _ in JSONValue.object(["pong": true]) }
    }
}
