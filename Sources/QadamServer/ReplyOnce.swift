import Synchronization

/// Makes sure a request is answered once although a result and a timeout may race.
final class ReplyOnce: Sendable {
    private let claimed = Atomic<Bool>(false)

    /// True for the first caller only.
    func claim() -> Bool {
        !claimed.exchange(true, ordering: .acquiringAndReleasing)
    }
}
