import NIOCore
#if canImport(Glibc)
import Glibc
#endif

/// Who may use the daemon, judged from the peer's kernel-reported credentials
/// (`SO_PEERCRED`), which a client cannot forge. Root and the daemon's own user are always
/// allowed; with no allow-list at all, the socket file's mode and group are the only gate.
struct AccessPolicy: Sendable {
    let allowedUIDs: Set<UInt32>
    let allowedGIDs: Set<UInt32>
    let ownUID: UInt32 = getuid()

    func allows(_ peer: PeerCredentials) -> Bool {
        if allowedUIDs.isEmpty && allowedGIDs.isEmpty { return true }
        return peer.uid == 0 || peer.uid == ownUID || allowedUIDs.contains(peer.uid) || allowedGIDs.contains(peer.gid)
    }
}

/// The process at the other end of a Unix socket.
struct PeerCredentials: Sendable, CustomStringConvertible {
    let pid: Int32
    let uid: UInt32
    let gid: UInt32

    var description: String { "pid=\(pid) uid=\(uid) gid=\(gid)" }

    /// Asks the kernel. Called on the channel's event loop, the future is already complete.
    static func of(_ channel: Channel) -> EventLoopFuture<PeerCredentials> {
        guard let provider = channel as? SocketOptionProvider else {
            return channel.eventLoop.makeFailedFuture(ChannelError.operationUnsupported)
        }
        let future: EventLoopFuture<KernelUcred> = provider.unsafeGetSocketOption(
            level: SocketOptionLevel(SOL_SOCKET), name: SocketOptionName(SO_PEERCRED))
        return future.map { PeerCredentials(pid: $0.pid, uid: $0.uid, gid: $0.gid) }
    }
}

/// Linux `struct ucred` (pid, uid, gid), which Glibc's Swift overlay hides behind _GNU_SOURCE.
private struct KernelUcred: Sendable {
    var pid: Int32 = 0
    var uid: UInt32 = 0
    var gid: UInt32 = 0
}
