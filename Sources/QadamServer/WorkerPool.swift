import NIOPosix
import Synchronization

/// Runs queries off the event loops on a fixed set of threads, with a bounded backlog: when
/// `capacity` jobs are already queued or running, `submit` refuses instead of letting memory
/// and latency grow without limit. `ping` and `info` never come here, so they keep answering
/// while every worker is busy with a long query.
final class WorkerPool: Sendable {
    private let pool: NIOThreadPool
    private let capacity: Int
    private let outstanding = Atomic<Int>(0)

    init(threads: Int, maxQueued: Int) {
        pool = NIOThreadPool(numberOfThreads: threads)
        capacity = threads + maxQueued
        pool.start()
    }

    /// Queues `job`; false when the pool is full. `job` gets `true` when the pool is shutting
    /// down before it could run: it must then only answer, not compute.
    func submit(_ job: @escaping @Sendable (_ cancelled: Bool) -> Void) -> Bool {
        let before = outstanding.add(1, ordering: .relaxed).oldValue
        guard before < capacity else {
            outstanding.subtract(1, ordering: .relaxed)
            return false
        }
        pool.submit { [self] state in
            job(state == .cancelled)
            outstanding.subtract(1, ordering: .relaxed)
        }
        return true
    }

    func shutdown() async throws { try await pool.shutdownGracefully() }
}
