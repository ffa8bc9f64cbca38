import QadamContract

extension CostUnit {
    /// A cost as a planner reads it: "17.0 km", "450 m", "35 min", "1 h 05 min".
    public func describe(_ cost: Double) -> String {
        switch self {
        case .metres:
            return cost < 1000 ? "\(Int(cost.rounded())) m" : "\(formatFixed(cost / 1000, decimals: 1)) km"
        case .seconds:
            let minutes = Int((cost / 60).rounded())
            guard minutes >= 60 else { return "\(minutes) min" }
            let rest = minutes % 60
            return "\(minutes / 60) h \(rest < 10 ? "0" : "")\(rest) min"
        }
    }
}

/// `value` with exactly `decimals` digits after the point, independent of the process locale.
func formatFixed(_ value: Double, decimals: Int) -> String {
    var scale = 1.0
    for _ in 0..<decimals { scale *= 10 }
    let scaled = Int((abs(value) * scale).rounded())
    let whole = scaled / Int(scale), fraction = scaled % Int(scale)
    var digits = String(fraction)
    while digits.count < decimals { digits = "0" + digits }
    return (value < 0 && scaled != 0 ? "-" : "") + String(whole) + (decimals > 0 ? "." + digits : "")
}

/// A head count with thousands separated by commas ("8,000"), as used in reports.
func formatCount(_ value: Double) -> String {
    let n = Int(value.rounded())
    let digits = String(abs(n))
    var grouped = ""
    for (offset, ch) in digits.enumerated() {
        if offset > 0 && (digits.count - offset) % 3 == 0 { grouped.append(",") }
        grouped.append(ch)
    }
    return (n < 0 ? "-" : "") + grouped
}
