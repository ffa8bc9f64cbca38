import Foundation

/// Where the daemon listens when nobody says otherwise; the CLI uses the same rule so the two
/// find each other without configuration.
public enum SocketPath {
    /// The system daemon's socket (the one `systemd/qadamd.socket` creates).
    public static let system = "/run/qadam/qadamd.sock"

    /// `/run/qadam/qadamd.sock` for root, else `$XDG_RUNTIME_DIR/qadam/qadamd.sock`, else
    /// `/tmp/qadam-UID/qadamd.sock` for a user without a runtime directory.
    public static func defaultPath(uid: UInt32 = getuid(),
                                   environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if uid == 0 { return system }
        if let runtime = environment["XDG_RUNTIME_DIR"], !runtime.isEmpty {
            return runtime + "/qadam/qadamd.sock"
        }
        return "/tmp/qadam-\(uid)/qadamd.sock"
    }
}
