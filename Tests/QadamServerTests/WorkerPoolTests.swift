import Foundation
@testable import QadamServer
import Synchronization
import Testing

/// The worker pool's bound: at most threads + queue jobs at once, the rest refused at once.
@Suite struct WorkerPoolTests {
    @Test func jobsBeyondTheBoundAreRefusedUntilOneFinishes() async throws {
        let pool = WorkerPool(threads: 1, maxQueued: 2)
        let release = DispatchSemaphore(value: 0)
        let ran = Atomic<Int>(0)
        let job: @Sendable (Bool) -> Void = { _ in release.wait(); ran.add(1, ordering: .relaxed) }
        #expect(pool.submit(job))
        #expect(pool.submit(job))
        #expect(pool.submit(job))
        #expect(!pool.submit(job), "a fourth job beyond 1 thread + 2 queued")
        release.signal()
        // The first job done frees one place.
        let deadline = Date().addingTimeInterval(10)
        while ran.load(ordering: .relaxed) < 1, Date() < deadline { usleep(1_000) }
        #expect(pool.submit(job))
        for _ in 0..<3 { release.signal() }
        while ran.load(ordering: .relaxed) < 4, Date() < deadline { usleep(1_000) }
        #expect(ran.load(ordering: .relaxed) == 4)
        try await pool.shutdown()
    }

    /// A job still queued when the pool shuts down is told so (it answers, it does not compute).
    @Test func queuedJobsAreCancelledAtShutdown() async throws {
        let pool = WorkerPool(threads: 1, maxQueued: 4)
        let release = DispatchSemaphore(value: 0)
        let cancelled = Atomic<Int>(0)
        #expect(pool.submit { _ in release.wait() })
        for _ in 0..<3 { #expect(pool.submit { wasCancelled in if wasCancelled { cancelled.add(1, ordering: .relaxed) } }) }
        let shutdown = Task { try await pool.shutdown() }
        // Time for the shutdown to begin while the one worker is held; sleeping, not blocking,
        // so the shutdown's task gets a thread.
        try await Task.sleep(for: .milliseconds(300))
        release.signal()
        try await shutdown.value
        #expect(cancelled.load(ordering: .relaxed) == 3)
    }
}
