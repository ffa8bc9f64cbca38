import Synchronization

/// What is going on right now: connections open (and ever accepted), requests in flight, and
/// the drain. From `beginDrain()` on, new requests are refused; `waitUntilIdle` returns as
/// soon as the last running one has been answered, woken by it rather than by polling.
final class DaemonActivity: Sendable {
    struct Counts: Sendable {
        var openConnections = 0
        var totalConnections = 0
        var inFlight = 0
        var draining = false
    }

    private struct State {
        var counts = Counts()
        var idleWaiters: [UInt64: CheckedContinuation<Void, Never>] = [:]
        var nextWaiter: UInt64 = 0
    }

    private let state = Mutex(State())
    private let maxConnections: Int

    init(maxConnections: Int) {
        self.maxConnections = maxConnections
    }

    var counts: Counts { state.withLock { $0.counts } }

    /// Counts a new connection; false when that would pass `maxConnections`.
    func connectionOpened() -> Bool {
        state.withLock {
            guard $0.counts.openConnections < maxConnections else { return false }
            $0.counts.openConnections += 1
            $0.counts.totalConnections += 1
            return true
        }
    }

    func connectionClosed() { state.withLock { $0.counts.openConnections -= 1 } }

    /// Counts a request as in flight; returns true when the daemon is draining, in which case
    /// the caller answers it with a refusal (and still calls `requestFinished`).
    func requestStarted() -> Bool {
        state.withLock {
            $0.counts.inFlight += 1
            return $0.counts.draining
        }
    }

    func requestFinished() {
        let waiters: [CheckedContinuation<Void, Never>] = state.withLock { s in
            s.counts.inFlight -= 1
            guard s.counts.inFlight == 0, s.counts.draining else { return [] }
            defer { s.idleWaiters.removeAll() }
            return Array(s.idleWaiters.values)
        }
        for waiter in waiters { waiter.resume() }
    }

    /// From now on new requests are refused with -32003; those already running finish.
    func beginDrain() { state.withLock { $0.counts.draining = true } }

    /// Waits until every accepted request is answered, or `timeout` passes; true if idle.
    func waitUntilIdle(timeout: Duration) async -> Bool {
        await withTaskGroup(of: Bool.self) { group in
            group.addTask { await self.idle(); return !Task.isCancelled }
            group.addTask {
                try? await Task.sleep(for: timeout)
                return false
            }
            let first = await group.next() ?? false
            group.cancelAll()
            return first
        }
    }

    /// Returns when nothing is in flight (at once if so already), or when cancelled.
    private func idle() async {
        let id = state.withLock { s -> UInt64 in
            s.nextWaiter += 1
            return s.nextWaiter
        }
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let resumeNow = state.withLock { s -> Bool in
                    if s.counts.inFlight == 0 || Task.isCancelled { return true }
                    s.idleWaiters[id] = continuation
                    return false
                }
                if resumeNow { continuation.resume() }
            }
        } onCancel: {
            state.withLock { $0.idleWaiters.removeValue(forKey: id) }?.resume()
        }
    }
}
