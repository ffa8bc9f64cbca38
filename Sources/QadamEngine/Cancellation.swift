import Foundation
import QadamContract
import Synchronization

/// Lets a long computation stop once nobody waits for its answer. The daemon gives each
/// request a token and cancels it when the request times out; the loops that can run long
/// (one search per origin or facility: travel costs, matrix rows, isochrone bands, audit
/// chunks) call `Cancellation.check()` between searches, so a timed-out request frees its
/// worker within one search instead of running to its end.
///
/// The token travels as a thread-local of the worker running the request, so the measures do
/// not need a parameter threaded through every call; outside a token (the CLI in-process)
/// `check()` does nothing.
public final class CancellationToken: Sendable {
    private let cancelled = Atomic<Bool>(false)
    /// Cancelling the parent cancels this token too (the daemon's shutdown token is the parent
    /// of every request's).
    private let parent: CancellationToken?

    public init(parent: CancellationToken? = nil) { self.parent = parent }

    public func cancel() { cancelled.store(true, ordering: .releasing) }
    public var isCancelled: Bool { cancelled.load(ordering: .acquiring) || parent?.isCancelled == true }

    /// Runs `body` with this token as the current thread's.
    public func run<T>(_ body: () throws -> T) rethrows -> T {
        let previous = pthread_getspecific(Cancellation.key)
        pthread_setspecific(Cancellation.key, Unmanaged.passUnretained(self).toOpaque())
        defer { pthread_setspecific(Cancellation.key, previous) }
        return try body()
    }
}

public enum Cancellation {
    fileprivate static let key: pthread_key_t = {
        var key = pthread_key_t()
        pthread_key_create(&key, nil)
        return key
    }()

    /// The current thread's token, if it runs a request that can be cancelled.
    static var current: CancellationToken? {
        pthread_getspecific(key).map { Unmanaged<CancellationToken>.fromOpaque($0).takeUnretainedValue() }
    }

    /// Throws when the current request was cancelled (its answer has already been sent).
    public static func check() throws(RPCError) {
        if current?.isCancelled == true {
            throw RPCError(code: RPCError.unavailableCode, message: "cancelled: the request timed out and its answer was already sent")
        }
    }
}
