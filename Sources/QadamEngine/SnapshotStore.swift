import Foundation
import Synchronization

/// The current snapshot, and hot reload of the next one.
///
/// Readers take `current` under a lock (a pointer copy), so a reload that takes minutes never
/// blocks a query; the swap is a single assignment. Reloads are serialised: a second reload
/// request waits for the first and then loads again, so the last one always sees the newest
/// file. A failed reload keeps the old snapshot and is remembered for `info`.
public final class SnapshotStore: Sendable {
    /// A reload that did not produce a snapshot.
    public struct ReloadFailure: Error, Sendable, CustomStringConvertible {
        public let message: String
        public let at: Date
        public var description: String { message }
    }

    /// What a successful reload did.
    public struct ReloadOutcome: Sendable {
        public let previous: Snapshot
        public let current: Snapshot
        public var changed: Bool { previous.contentHash != current.contentHash }
    }

    public let datasetPath: String
    private let loader: any SnapshotLoader
    private struct Served {
        var snapshot: Snapshot
        var failure: ReloadFailure?
    }
    private let served: Mutex<Served>
    /// Held for a whole reload, so reloads run one at a time.
    private let reloading = Mutex(())

    /// Loads the first snapshot; throws the loader's error if that fails.
    public init(datasetPath: String, loader: any SnapshotLoader) throws {
        self.datasetPath = datasetPath
        self.loader = loader
        self.served = Mutex(Served(snapshot: try loader.load(path: datasetPath)))
    }

    public var current: Snapshot { served.withLock { $0.snapshot } }

    /// The last reload's failure, cleared by the next successful reload.
    public var lastReloadFailure: ReloadFailure? { served.withLock { $0.failure } }

    /// Loads the dataset file again and swaps it in. Blocks the calling thread for the load, so
    /// call it off any event loop. Queries keep running on the old snapshot meanwhile.
    public func reload() -> Result<ReloadOutcome, ReloadFailure> {
        reloading.withLock { _ in
            let previous = current
            do {
                let next = try loader.load(path: datasetPath)
                served.withLock { $0 = Served(snapshot: next, failure: nil) }
                return .success(ReloadOutcome(previous: previous, current: next))
            } catch {
                let failed = ReloadFailure(message: String(describing: error), at: Date())
                served.withLock { $0.failure = failed }
                return .failure(failed)
            }
        }
    }
}
