import Foundation

/// CPU time and process memory for the export tool's timings: the comparison harness and
/// the scale table read these, so they are plain numbers, not benchmark-harness statistics.
///
/// Timings are the calling thread's CPU time, not wall time: this 2-core machine is shared,
/// and with other work running, wall time of single-threaded code swings by 2x or more
/// while its CPU time stays within a few percent.
enum Measure {
    /// Runs `body` and returns its result with the CPU seconds it took on this thread.
    static func time<T>(_ body: () throws -> T) rethrows -> (T, Double) {
        let start = threadCPUSeconds()
        let value = try body()
        return (value, threadCPUSeconds() - start)
    }

    static func threadCPUSeconds() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
    }

    /// The median of `runs` timings of `body`, for steps fast enough to repeat.
    static func median(runs: Int, _ body: () throws -> Void) rethrows -> Double {
        var times: [Double] = []
        for _ in 0..<runs { times.append(try time(body).1) }
        return times.sorted()[runs / 2]
    }

    /// Peak resident memory of this process so far, in bytes (Linux reports kilobytes).
    static func peakResidentBytes() -> Int {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return usage.ru_maxrss * 1024
    }
}

/// Writes CSV text in one go; the exported tables are at most a few million short rows.
func writeCSV(_ url: URL, header: String, rows: [String]) throws {
    var text = header + "\n"
    text.reserveCapacity(rows.count * 32)
    for row in rows { text += row; text += "\n" }
    try text.write(to: url, atomically: true, encoding: .utf8)
}

/// Shortest exact decimal for a Double ("inf" never appears: callers write an empty field).
func csvNumber(_ x: Double) -> String { x.isFinite ? "\(x)" : "" }
