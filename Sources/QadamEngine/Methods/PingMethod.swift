import QadamContract

extension MethodRegistry {
    /// `ping`: a liveness check that also says which snapshot answers (the registry adds
    /// `snapshot`). Registered here rather than in the daemon so `qadam ping --dataset`
    /// answers the same way in-process.
    mutating func registerPing() {
        register(RPC.Ping.self, inline: .always) { _, _ in RPC.Ping.Result() }
    }
}
