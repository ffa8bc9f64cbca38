import Foundation

/// Five colour classes for district values, with the legend that explains them.
///
/// Colours are ColorBrewer RdYlGn (colour-blind-tolerant ends, prints in grey): red is always
/// bad news, so the ramp is flipped when a higher value is worse (a deficit).
struct ShadingClasses: Sendable {
    static let ramp = ["#d7191c", "#fdae61", "#ffffbf", "#a6d96a", "#1a9641"]
    static let noDataColor = "#cccccc"

    let shading: ReportShading
    private let lower: Double
    private let step: Double
    private let count: Int

    init(_ shading: ReportShading, values: [Double?]) {
        self.shading = shading
        switch shading.scale {
        case .share:
            (lower, step, count) = (0, 0.2, 5)
        case .number:
            let finite = values.compactMap { $0 }.filter(\.isFinite)
            let low = finite.min() ?? 0, high = finite.max() ?? 0
            // All values equal: one class is the honest legend.
            (lower, step, count) = high > low ? (low, (high - low) / 5, 5) : (low, 0, 1)
        }
    }

    func classIndex(of value: Double?) -> Int? {
        guard let value, value.isFinite else { return nil }
        guard step > 0 else { return 0 }
        return max(0, min(count - 1, Int(((value - lower) / step).rounded(.down))))
    }

    func color(ofClass index: Int?) -> String {
        guard let index else { return Self.noDataColor }
        // Spread a single class onto the middle of the ramp rather than onto "bad".
        let position = count == 1 ? 2 : index
        return Self.ramp[shading.higherIsBetter ? position : Self.ramp.count - 1 - position]
    }

    func color(of value: Double?) -> String { color(ofClass: classIndex(of: value)) }

    /// (colour, label) pairs, lowest class first.
    var legend: [(color: String, label: String)] {
        (0..<count).map { i in
            let from = lower + Double(i) * step
            let to = step > 0 ? from + step : from
            let label = step > 0 ? "\(format(from))–\(format(to))" : format(from)
            return (color(ofClass: i), label)
        }
    }

    func format(_ value: Double) -> String {
        switch shading.scale {
        case .share:
            return ReportNumber.percent(value)
        case .number(let unit):
            return ReportNumber.plain(value) + (unit.isEmpty ? "" : " " + unit)
        }
    }
}

/// Locale-independent number formatting, so the same model always gives the same bytes.
enum ReportNumber {
    static func percent(_ share: Double) -> String {
        guard share.isFinite else { return "–" }
        return String(format: "%.0f%%", share * 100)
    }

    /// Whole numbers from 100 up, one decimal below.
    static func plain(_ value: Double) -> String {
        guard value.isFinite else { return "–" }
        return abs(value) >= 100 || value == value.rounded() ? String(format: "%.0f", value) : String(format: "%.1f", value)
    }

    /// Screen coordinates at 0.1 unit, without the "-0" and trailing ".0" that bloat a path.
    static func coordinate(_ v: Double) -> String {
        let tenths = Int((v * 10).rounded())
        let whole = tenths / 10, fraction = abs(tenths % 10)
        let sign = tenths < 0 && whole == 0 ? "-" : ""
        return fraction == 0 ? "\(sign)\(whole)" : "\(sign)\(whole).\(fraction)"
    }
}
