import Foundation
import NIOPosix

/// Runs queries off the event loops on a fixed set of threads, with a bounded backlog: when
/// `capacity` jobs are already queued or running, `submit` refuses instead of letting memory
/// and latency grow without limit. `ping` and `info` never come here, so they keep answering
/// while every worker is busy with a long query.
final class WorkerPool: @unchecked Sendable {
    private let pool: NIOThreadPool
    private let capacity: Int
    private let lock = NSLock()
    private var outstanding = 0

    init(threads: Int, maxQueued: Int) {
        pool = NIOThreadPool(numberOfThreads: threads)
        capacity = threads + maxQueued
        pool.start()
    }

    /// Queues `job`; false when the pool is full.
    func submit(_ job: @escaping @Sendable () -> Void) -> Bool {
        let accepted = lock.withLock {
            guard outstanding < capacity else { return false }
            outstanding += 1
            return true
        }
        guard accepted else { return false }
        pool.submit { [self] _ in
            job()
            lock.withLock { outstanding -= 1 }
        }
        return true
    }

    func shutdown() throws { try pool.syncShutdownGracefully() }
}
