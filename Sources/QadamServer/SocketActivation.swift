import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// systemd socket activation: when `LISTEN_PID` is our pid and `LISTEN_FDS` >= 1, fd 3 is a
/// listening socket systemd made for us (per `qadamd.socket`). The variables are left in the
/// environment: by the time the server binds, NIO's and the log queue's threads are running,
/// and glibc's `unsetenv` is not safe beside threads that may read the environment. Leaving
/// them is harmless, as sd_listen_fds(3) intends: a child would see a `LISTEN_PID` that is not
/// its own, and fd 3 is close-on-exec, so no child can take the socket.
enum SocketActivation {
    static let firstDescriptor: Int32 = 3

    /// The inherited listening descriptor, or nil when not socket-activated.
    static func inheritedListener() -> Int32? {
        let env = ProcessInfo.processInfo.environment
        guard let pid = env["LISTEN_PID"].flatMap({ Int32($0) }), pid == getpid(),
              let count = env["LISTEN_FDS"].flatMap({ Int($0) }), count >= 1
        else { return nil }
        _ = fcntl(firstDescriptor, F_SETFD, FD_CLOEXEC)
        return firstDescriptor
    }
}
