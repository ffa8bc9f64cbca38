import Foundation

/// Latencies since start in logarithmic buckets 5% wide, so p50/p90/p99 stay within 5% of
/// the truth in constant memory however many requests arrive. The maximum is kept exactly.
struct LatencyHistogram {
    private static let growth = 1.05
    private static let smallest = 1e-6   // one microsecond, in seconds
    private var buckets: [Int: Int] = [:]
    private(set) var count = 0
    private(set) var maximum: Double = 0
    /// Total seconds, exact (Prometheus summaries report it beside the count).
    private(set) var sum: Double = 0

    mutating func record(_ seconds: Double) {
        let bucket = seconds <= Self.smallest ? 0 : Int((log(seconds / Self.smallest) / log(Self.growth)).rounded(.up))
        buckets[bucket, default: 0] += 1
        count += 1
        sum += seconds
        maximum = max(maximum, seconds)
    }

    /// The `q`-quantile (0...1) in seconds: the upper edge of the bucket holding it, capped at
    /// the exact maximum; nil before any sample.
    func quantile(_ q: Double) -> Double? {
        guard count > 0 else { return nil }
        let rank = max(1, Int((q * Double(count)).rounded(.up)))
        var seen = 0
        for bucket in buckets.keys.sorted() {
            seen += buckets[bucket]!
            if seen >= rank { return min(maximum, Self.smallest * pow(Self.growth, Double(bucket))) }
        }
        return maximum
    }
}
