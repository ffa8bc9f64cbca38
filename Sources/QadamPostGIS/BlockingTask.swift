import Foundation
import Synchronization

/// Runs async work to completion from synchronous code (the CLI's commands are synchronous;
/// PostgresNIO is async). The caller's thread waits; the work runs on the global executor,
/// so this must not be called from inside an async context.
enum BlockingTask {
    static func run<T: Sendable>(_ body: @escaping @Sendable () async throws -> T) throws -> T {
        let outcome = Outcome<T>()
        let done = DispatchSemaphore(value: 0)
        Task {
            do { outcome.set(.success(try await body())) } catch { outcome.set(.failure(error)) }
            done.signal()
        }
        done.wait()
        return try outcome.get()
    }

    /// The result handed from the task to the waiting thread; the semaphore orders the accesses,
    /// the mutex makes that visible to the checker.
    private final class Outcome<T: Sendable>: Sendable {
        private let result = Mutex<Result<T, any Error>?>(nil)

        func set(_ r: Result<T, any Error>) { result.withLock { $0 = r } }
        func get() throws -> T { try result.withLock { $0! }.get() }
    }
}
