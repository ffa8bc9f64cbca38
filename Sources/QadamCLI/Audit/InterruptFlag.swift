import Foundation

/// Set when the user presses Ctrl-C, read by the audit loop between rows.
///
/// The first SIGINT only raises the flag: the audit stops after the current row, flushes, and
/// leaves a file `--resume` can continue (exit code 130). A second SIGINT exits at once, for
/// when the current computation hangs; resume copes with the cut-off line that may leave.
public final class InterruptFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var raised = false
    private var sources: [DispatchSourceSignal] = []

    public init() {}

    public var isRaised: Bool {
        lock.lock(); defer { lock.unlock() }
        return raised
    }

    public func raise() {
        lock.lock(); defer { lock.unlock() }
        raised = true
    }

    /// A flag raised by `signals` (SIGINT by default). The signals' default action is replaced
    /// for the life of the process; the handler runs on a dispatch queue, not in signal context.
    public static func installed(for signals: [Int32] = [SIGINT]) -> InterruptFlag {
        let flag = InterruptFlag()
        for number in signals {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global(qos: .userInteractive))
            source.setEventHandler { [weak flag] in
                guard let flag else { return }
                if flag.isRaised { exit(130) }
                flag.raise()
            }
            source.resume()
            flag.sources.append(source)
        }
        return flag
    }
}
