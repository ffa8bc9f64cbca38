import Foundation

/// A one-line progress bar with rate and ETA on standard error, drawn only when standard error
/// is a terminal: in a pipe, a log file or CI it prints nothing, so logs stay clean.
public final class ProgressReporter {
    public let total: Int
    public let isEnabled: Bool
    private let clock: () -> Double
    private let sink: (String) -> Void
    private var startTime = 0.0
    private var startDone = 0
    private var lastDrawn = -Double.infinity
    private var drewSomething = false
    /// Redraw at most this often: drawing per row would cost more than many computations.
    private let interval = 0.1

    /// - Parameters:
    ///   - isTerminal: whether to draw; defaults to `isatty(STDERR_FILENO)`.
    ///   - clock: seconds from any fixed origin (monotonic by default).
    ///   - sink: where drawing goes (standard error by default).
    public init(total: Int,
                isTerminal: Bool = isatty(STDERR_FILENO) == 1,
                clock: @escaping () -> Double = { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 },
                sink: @escaping (String) -> Void = { FileHandle.standardError.write(Data($0.utf8)) }) {
        self.total = total
        self.isEnabled = isTerminal
        self.clock = clock
        self.sink = sink
    }

    /// Starts timing; rows done before (a resumed run) count for the bar but not for the rate.
    public func start(alreadyDone: Int = 0) {
        startTime = clock()
        startDone = alreadyDone
        update(done: alreadyDone)
    }

    public func update(done: Int) {
        guard isEnabled else { return }
        let now = clock()
        guard now - lastDrawn >= interval || done >= total else { return }
        lastDrawn = now
        drewSomething = true
        sink("\r" + Self.line(done: done, total: total, newDone: done - startDone, elapsed: now - startTime) + "\u{1B}[K")
    }

    /// Ends the bar's line so the next message starts on a fresh line.
    public func finish() {
        guard isEnabled, drewSomething else { return }
        sink("\n")
    }

    /// `[#########...........]  4500/10000  45.0%  1234/s  ETA 0:04`
    static func line(done: Int, total: Int, newDone: Int, elapsed: Double, barWidth: Int = 24) -> String {
        let fraction = total > 0 ? min(1, Double(done) / Double(total)) : 1
        let filled = Int((fraction * Double(barWidth)).rounded(.down))
        let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: barWidth - filled)
        var text = "[\(bar)] \(done)/\(total) " + String(format: "%5.1f%%", fraction * 100)
        if elapsed > 0, newDone > 0 {
            let rate = Double(newDone) / elapsed
            text += String(format: "  %.0f/s", rate)
            if done < total { text += "  ETA " + duration(Double(total - done) / rate) }
        }
        return text
    }

    /// `0:07`, `12:34`, `2:03:04`.
    static func duration(_ seconds: Double) -> String {
        let s = Int(seconds.rounded(.up))
        let (h, m, r) = (s / 3600, s / 60 % 60, s % 60)
        return h > 0 ? String(format: "%d:%02d:%02d", h, m, r) : String(format: "%d:%02d", m, r)
    }
}
