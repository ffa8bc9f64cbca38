/// A horizontal bar chart of shares as inline SVG: label, bar, percentage.
struct SVGBarChart {
    static let width = 640.0
    static let labelWidth = 230.0
    static let barWidth = 340.0
    static let rowHeight = 22.0
    /// Longer labels are shortened on the bar (the full text is in the tooltip).
    static let maxLabelCharacters = 34

    let chart: ReportBarChart
    let title: String
    let noData: String

    func render() -> String {
        let e = HTMLEscaping.escape
        let shading = ShadingClasses(ReportShading(title: title, scale: .share, higherIsBetter: true), values: [])
        let height = Double(chart.bars.count) * Self.rowHeight + 8
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 \(Int(Self.width)) \(Int(height))\" role=\"img\" aria-label=\"\(e(title))\">\n"
        for (i, bar) in chart.bars.enumerated() {
            let top = 4 + Double(i) * Self.rowHeight
            let textY = ReportNumber.coordinate(top + 15)
            let label = bar.label.count > Self.maxLabelCharacters
                ? String(bar.label.prefix(Self.maxLabelCharacters - 1)) + "…" : bar.label
            svg += "<g><title>\(e(bar.label)): \(e(bar.share.isFinite ? ReportNumber.percent(bar.share) : noData))</title>"
            svg += "<text x=\"\(Int(Self.labelWidth - 6))\" y=\"\(textY)\" text-anchor=\"end\">\(e(label))</text>"
            if bar.share.isFinite {
                let share = max(0, min(1, bar.share))
                let length = ReportNumber.coordinate(share * Self.barWidth)
                svg += "<rect x=\"\(Int(Self.labelWidth))\" y=\"\(ReportNumber.coordinate(top + 3))\" width=\"\(length)\" height=\"16\" fill=\"\(shading.color(of: share))\" stroke=\"#777777\" stroke-width=\"0.5\"/>"
                svg += "<text x=\"\(ReportNumber.coordinate(Self.labelWidth + share * Self.barWidth + 6))\" y=\"\(textY)\">\(ReportNumber.percent(bar.share))</text>"
            } else {
                svg += "<text x=\"\(Int(Self.labelWidth + 6))\" y=\"\(textY)\" class=\"muted\">\(e(noData))</text>"
            }
            svg += "</g>\n"
        }
        return svg + "</svg>"
    }
}
