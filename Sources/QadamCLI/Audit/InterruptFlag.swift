import Foundation
import Synchronization

/// How many interrupt signals have arrived. Written only by the signal handler with a
/// lock-free atomic store (async-signal-safe); initialized before the handler is installed.
private let receivedInterrupts = Atomic<Int32>(0)

/// Set when the user presses Ctrl-C, read by the audit loop between rows.
///
/// The first SIGINT only raises the flag: the audit stops after the current row, flushes, and
/// leaves a file `--resume` can continue (exit code 130). A second SIGINT exits at once, for
/// when the current computation hangs; resume copes with the cut-off line that may leave.
///
/// A plain signal handler, not a DispatchSource: on Linux libdispatch receives signals through
/// a signalfd, which misses a signal the kernel delivers to a thread that has not blocked it
/// (the main thread), so a dispatch signal source can silently never fire.
public final class InterruptFlag: Sendable {
    private let raised = Atomic<Bool>(false)
    private let followsSignals: Bool

    /// A flag raised only by `raise()` (for tests and for callers with their own signal handling).
    public init() {
        followsSignals = false
    }

    private init(followingSignals: Void) {
        followsSignals = true
    }

    public var isRaised: Bool {
        if followsSignals, receivedInterrupts.load(ordering: .relaxed) > 0 { return true }
        return raised.load(ordering: .relaxed)
    }

    public func raise() { raised.store(true, ordering: .relaxed) }

    /// A flag raised by `signals` (SIGINT by default). Their handler is replaced for the life
    /// of the process; every flag made this way sees the same signals.
    public static func installed(for signals: [Int32] = [SIGINT]) -> InterruptFlag {
        _ = receivedInterrupts.load(ordering: .relaxed) // initialize before any handler can run
        for number in signals {
            signal(number) { _ in
                if receivedInterrupts.load(ordering: .relaxed) > 0 { _exit(130) }
                receivedInterrupts.store(1, ordering: .relaxed)
            }
        }
        return InterruptFlag(followingSignals: ())
    }
}
