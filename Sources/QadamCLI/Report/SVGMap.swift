import QadamGeo
import QadamContract

/// Draws the report map as inline SVG: one `<path data-district>` per district shaded by its
/// value, facilities as circles coloured by kind, and the worst gaps as labelled markers.
struct SVGMap {
    /// Distinct from the red-to-green district ramp, so a facility never hides in its district.
    static let kindColors = ["#1f4e9c", "#7b3294", "#008b8b", "#8c510a", "#c51b7d", "#4d4d4d", "#b8860b", "#e66101"]

    let model: ReportModel
    /// Douglas-Peucker tolerance in SVG units (the map is at most 1000 units wide).
    let tolerance: Double
    let projection: MapProjection
    let classes: ShadingClasses

    init(model: ReportModel, tolerance: Double) {
        self.model = model
        self.tolerance = tolerance
        let outline = model.districts.flatMap { $0.polygons.flatMap { $0.flatMap { $0 } } }
        let points = outline.isEmpty ? model.facilities.map(\.point) + model.worstGaps.map(\.point) : outline
        self.projection = MapProjection(fitting: points)
        self.classes = ShadingClasses(model.shading, values: model.districts.map(\.value))
    }

    /// Facility kinds in a stable (sorted) order, each with its colour.
    var kinds: [(kind: String, color: String)] {
        Set(model.facilities.map(\.kind)).sorted().enumerated().map { i, kind in
            (kind, Self.kindColors[i % Self.kindColors.count])
        }
    }

    func render() -> String {
        let e = HTMLEscaping.escape
        let width = ReportNumber.coordinate(projection.width), height = ReportNumber.coordinate(projection.height)
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"map\" viewBox=\"0 0 \(width) \(height)\" role=\"img\" aria-label=\"\(e(model.strings.map)): \(e(model.areaName))\">\n"
        // With people drawn on top, the district shading steps back so the dots stay readable.
        let districtOpacity = model.demand.isEmpty ? "1" : "0.35"
        svg += "<g class=\"districts\" fill-rule=\"evenodd\" fill-opacity=\"\(districtOpacity)\" stroke=\"#555555\" stroke-width=\"0.4\" stroke-linejoin=\"round\">\n"
        for district in model.districts {
            let value = district.value.map(classes.format) ?? model.strings.noData
            svg += "<path data-district=\"\(e(district.name))\" fill=\"\(classes.color(of: district.value))\" d=\"\(pathData(district.polygons))\">"
            svg += "<title>\(e(district.name)): \(e(district.label.isEmpty ? value : district.label))</title></path>\n"
        }
        svg += "</g>\n"
        svg += demandLayer()
        let colorOfKind = Dictionary(uniqueKeysWithValues: kinds.map { ($0.kind, $0.color) })
        svg += "<g class=\"facilities\" stroke=\"#ffffff\" stroke-width=\"0.6\">\n"
        for facility in model.facilities where facility.point.isValidWGS84 {
            let p = projection.project(facility.point)
            svg += "<circle cx=\"\(ReportNumber.coordinate(p.x))\" cy=\"\(ReportNumber.coordinate(p.y))\" r=\"2.5\" fill=\"\(colorOfKind[facility.kind]!)\">"
            svg += "<title>\(e(facility.name)) (\(e(facility.kind)))</title></circle>\n"
        }
        svg += "</g>\n<g class=\"gaps\">\n"
        for gap in model.worstGaps where gap.point.isValidWGS84 {
            let p = projection.project(gap.point)
            let (x, y) = (ReportNumber.coordinate(p.x), ReportNumber.coordinate(p.y))
            let text = "\(gap.label) — \(model.strings.formatPopulation(gap.population))"
            svg += "<circle cx=\"\(x)\" cy=\"\(y)\" r=\"5\" fill=\"none\" stroke=\"#000000\" stroke-width=\"1.5\"/>"
            svg += "<text x=\"\(ReportNumber.coordinate(p.x + 7))\" y=\"\(ReportNumber.coordinate(p.y + 4))\">\(e(text))</text>\n"
        }
        svg += "</g>\n</svg>"
        return svg
    }

    /// Colours of the demand dots: within the norm, outside it, not measured.
    /// Darker than the district ramp they sit on.
    static let withinColor = "#00662a", outsideColor = "#8b0000", unmeasuredColor = "#4d4d4d"

    static func demandColor(_ withinNorm: Bool?) -> String {
        withinNorm.map { $0 ? withinColor : outsideColor } ?? unmeasuredColor
    }

    /// One translucent dot per demand point, its area proportional to its people (so a
    /// microdistrict cell outweighs a cell of houses at a glance), under the facilities.
    private func demandLayer() -> String {
        guard !model.demand.isEmpty else { return "" }
        let largest = model.demand.map(\.population).max() ?? 1
        var out = "<g class=\"demand\" fill-opacity=\"0.7\">\n"
        for d in model.demand where d.point.isValidWGS84 && d.population > 0 {
            let p = projection.project(d.point)
            let r = 0.6 + 3.4 * (d.population / max(largest, 1)).squareRoot()
            out += "<circle cx=\"\(ReportNumber.coordinate(p.x))\" cy=\"\(ReportNumber.coordinate(p.y))\" r=\"\(ReportNumber.coordinate(r))\""
                + " fill=\"\(Self.demandColor(d.withinNorm))\"/>\n"
        }
        return out + "</g>\n"
    }

    /// SVG path data for a multipolygon: each ring projected, simplified, rounded to 0.1 unit.
    /// Rings that collapse below a triangle are dropped, but a district never vanishes: if all
    /// its rings collapse, its largest shell is kept unsimplified so small towns stay visible.
    func pathData(_ polygons: [[[Coordinate]]]) -> String {
        var rings: [[String]] = []
        for polygon in polygons {
            for (r, ring) in polygon.enumerated() {
                let kept = roundedRing(PathSimplifier.simplify(projected(ring), tolerance: tolerance))
                if kept.count >= 3 { rings.append(kept) } else if r == 0 { break } // a lost shell takes its holes
            }
        }
        if rings.isEmpty, let largest = polygons.compactMap(\.first).max(by: { $0.count < $1.count }) {
            rings = [roundedRing(projected(largest))]
        }
        return rings.map { "M" + $0.joined(separator: " ") + "Z" }.joined()
    }

    private func projected(_ ring: [Coordinate]) -> [ScreenPoint] {
        ring.filter(\.isValidWGS84).map(projection.project)
    }

    /// "x,y" pairs after rounding, without repeats and without the closing vertex (`Z` closes).
    private func roundedRing(_ points: [ScreenPoint]) -> [String] {
        var out: [String] = []
        for p in points {
            let pair = ReportNumber.coordinate(p.x) + "," + ReportNumber.coordinate(p.y)
            if pair != out.last { out.append(pair) }
        }
        if out.count > 1, out.first == out.last { out.removeLast() }
        return out
    }
}

extension ReportModel {
    var strings: ReportStrings { language.strings }
}
