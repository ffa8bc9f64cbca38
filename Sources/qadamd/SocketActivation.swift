import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// systemd socket activation: when `LISTEN_PID` is our pid and `LISTEN_FDS` >= 1, fd 3 is a
/// listening socket systemd made for us (per `qadamd.socket`). The variables are removed so
/// that no child process would think the socket is its own.
enum SocketActivation {
    static let firstDescriptor: Int32 = 3

    /// The inherited listening descriptor, or nil when not socket-activated.
    static func inheritedListener() -> Int32? {
        let env = ProcessInfo.processInfo.environment
        defer {
            unsetenv("LISTEN_PID")
            unsetenv("LISTEN_FDS")
            unsetenv("LISTEN_FDNAMES")
        }
        guard let pid = env["LISTEN_PID"].flatMap({ Int32($0) }), pid == getpid(),
              let count = env["LISTEN_FDS"].flatMap({ Int($0) }), count >= 1
        else { return nil }
        _ = fcntl(firstDescriptor, F_SETFD, FD_CLOEXEC)
        return firstDescriptor
    }
}
