import Foundation

/// Renders a `ReportModel` as one self-contained HTML file a planner can open offline or mail:
/// inline CSS and SVG, no scripts, fonts or images from the network.
///
/// The output is XHTML-clean (every element closed, void elements self-closed, all text
/// escaped), so the SVG parts are well-formed XML and the file can be checked mechanically.
/// The same model always gives the same bytes (no clock, locale or hash-order inputs).
public enum HTMLReport {
    /// Default path simplification tolerance in map units (the map is at most 1000 units wide):
    /// half a unit is below what a screen shows and keeps a 224-rayon map well under 1.5 MB.
    public static let defaultTolerance = 0.5

    public static func render(_ model: ReportModel, tolerance: Double = defaultTolerance) -> String {
        let s = model.strings
        let e = HTMLEscaping.escape
        let map = SVGMap(model: model, tolerance: tolerance)
        var html = """
            <!DOCTYPE html>
            <html lang="\(model.language.rawValue)">
            <head>
            <meta charset="utf-8"/>
            <meta name="viewport" content="width=device-width, initial-scale=1"/>
            <title>\(e(model.title)) — \(e(model.areaName))</title>
            <style>\(stylesheet)</style>
            </head>
            <body>
            <h1>\(e(model.title))</h1>
            <p class="subtitle">\(e(model.areaName))</p>

            """
        for note in model.notes { html += "<p class=\"note\">\(e(note))</p>\n" }
        html += "<section class=\"map-section\">\n<h2>\(e(s.map))</h2>\n" + map.render() + "\n"
        html += legend(model: model, map: map)
        html += "</section>\n"
        html += worstGaps(model)
        html += charts(model)
        html += tables(model)
        html += provenance(model)
        html += "</body>\n</html>\n"
        return html
    }

    private static func legend(model: ReportModel, map: SVGMap) -> String {
        let s = model.strings
        let e = HTMLEscaping.escape
        var out = "<div class=\"legend\">\n<h3>\(e(s.legend)): \(e(model.shading.title))</h3>\n<ul>\n"
        var entries = map.classes.legend
        if model.districts.contains(where: { !($0.value?.isFinite ?? false) }) {
            entries.append((ShadingClasses.noDataColor, s.noData))
        }
        for entry in entries {
            out += "<li><span class=\"swatch\" style=\"background:\(entry.color)\"></span>\(e(entry.label))</li>\n"
        }
        out += "</ul>\n"
        if !model.demand.isEmpty {
            let measured = model.demand.contains { $0.withinNorm != nil }
            let dots: [(String, String)] = measured
                ? [(SVGMap.withinColor, s.peopleWithin), (SVGMap.outsideColor, s.peopleOutside)]
                : [(SVGMap.unmeasuredColor, s.peopleEstimate)]
            out += "<h3>\(e(s.people))</h3>\n<ul>\n"
            for (color, label) in dots {
                out += "<li><span class=\"dot\" style=\"background:\(color)\"></span>\(e(label))</li>\n"
            }
            out += "</ul>\n"
        }
        let kinds = map.kinds
        if !kinds.isEmpty {
            out += "<h3>\(e(s.facilities))</h3>\n<ul>\n"
            for kind in kinds {
                out += "<li><span class=\"dot\" style=\"background:\(kind.color)\"></span>\(e(kind.kind))</li>\n"
            }
            out += "</ul>\n"
        }
        return out + "</div>\n"
    }

    private static func worstGaps(_ model: ReportModel) -> String {
        guard !model.worstGaps.isEmpty else { return "" }
        let s = model.strings
        let e = HTMLEscaping.escape
        var out = "<section>\n<h2>\(e(s.worstGaps))</h2>\n<ol class=\"gaps\">\n"
        for gap in model.worstGaps {
            out += "<li>\(e(gap.label)) — \(e(s.population)): \(e(s.formatPopulation(gap.population)))</li>\n"
        }
        return out + "</ol>\n</section>\n"
    }

    private static func charts(_ model: ReportModel) -> String {
        guard !model.charts.isEmpty else { return "" }
        let s = model.strings
        let e = HTMLEscaping.escape
        var out = "<section>\n<h2>\(e(s.charts))</h2>\n"
        for chart in model.charts {
            let title: String
            switch chart.subject {
            case .provisionByDistrict: title = s.provisionByDistrict
            case .provisionBySettlementClass: title = s.provisionBySettlementClass
            case .custom(let custom): title = custom
            }
            out += "<figure>\n<figcaption>\(e(title))</figcaption>\n"
            out += SVGBarChart(chart: chart, title: title, noData: s.noData).render()
            out += "\n</figure>\n"
        }
        return out + "</section>\n"
    }

    private static func tables(_ model: ReportModel) -> String {
        guard !model.tables.isEmpty else { return "" }
        let s = model.strings
        let e = HTMLEscaping.escape
        var out = "<section>\n<h2>\(e(s.tables))</h2>\n"
        for table in model.tables {
            out += "<table>\n<caption>\(e(table.title))</caption>\n<thead><tr>"
            out += table.columns.map { "<th>\(e($0))</th>" }.joined()
            out += "</tr></thead>\n<tbody>\n"
            for row in table.rows {
                // Short rows are padded so the grid stays rectangular.
                let cells = row + Array(repeating: "", count: max(0, table.columns.count - row.count))
                out += "<tr>" + cells.map { "<td>\(e($0))</td>" }.joined() + "</tr>\n"
            }
            out += "</tbody>\n</table>\n"
            if !table.normIDs.isEmpty {
                out += "<p class=\"note\">\(e(s.norms)): " + table.normIDs.map { "<code>\(e($0))</code>" }.joined(separator: ", ") + "</p>\n"
            }
            if !table.sources.isEmpty {
                out += "<p class=\"note\">\(e(s.sources)): \(e(table.sources.joined(separator: "; ")))</p>\n"
            }
        }
        return out + "</section>\n"
    }

    private static func provenance(_ model: ReportModel) -> String {
        let s = model.strings
        let e = HTMLEscaping.escape
        var out = "<section class=\"provenance\">\n<h2>\(e(s.provenance))</h2>\n<dl>\n"
        out += "<dt>\(e(s.area))</dt><dd>\(e(model.areaName))</dd>\n"
        out += "<dt>\(e(s.dataset))</dt><dd><code>\(e(model.datasetHash))</code></dd>\n"
        out += "<dt>\(e(s.generatedAt))</dt><dd>\(e(timestamp(model.generatedAt)))</dd>\n"
        out += "</dl>\n"
        if !model.parameters.isEmpty {
            out += "<h3>\(e(s.parameters))</h3>\n<table class=\"parameters\">\n<tbody>\n"
            for p in model.parameters {
                out += "<tr><th>\(e(p.name))</th><td><code>\(e(p.value))</code></td></tr>\n"
            }
            out += "</tbody>\n</table>\n"
        }
        return out + "</section>\n"
    }

    /// ISO 8601 in UTC: the same instant reads the same wherever the report is made.
    static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }

    private static let stylesheet = """

        body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; margin: 1.5rem auto; max-width: 1100px; padding: 0 1rem; color: #222222; }
        h1 { margin-bottom: 0.2rem; }
        .subtitle { margin-top: 0; color: #555555; }
        svg.map { width: 100%; height: auto; max-height: 80vh; border: 1px solid #dddddd; background: #f4f8fb; }
        svg.map text { font-size: 9px; paint-order: stroke; stroke: #ffffff; stroke-width: 2px; }
        svg.map path:hover { stroke: #000000; stroke-width: 1.2; }
        svg.chart { width: 100%; max-width: 640px; height: auto; }
        svg.chart text { font-size: 12px; }
        svg .muted { fill: #888888; }
        .legend ul { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: 0.3rem 1rem; }
        .swatch, .dot { display: inline-block; width: 14px; height: 14px; margin-right: 0.35rem; vertical-align: -2px; border: 1px solid #777777; }
        .dot { border-radius: 50%; }
        table { border-collapse: collapse; margin: 1rem 0; }
        caption { text-align: left; font-weight: bold; padding-bottom: 0.3rem; }
        th, td { border: 1px solid #cccccc; padding: 0.25rem 0.5rem; text-align: left; }
        .note { font-size: 0.9em; color: #444444; }
        .provenance dt { font-weight: bold; }
        figure { margin: 1rem 0; }
        figcaption { font-weight: bold; }

        """
}
