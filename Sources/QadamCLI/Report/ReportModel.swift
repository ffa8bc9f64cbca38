import Foundation
import QadamGeo
import QadamContract

/// Everything a report shows, as plain values: the measures are computed elsewhere and handed
/// over already rolled up, so rendering never needs a dataset or a daemon.
public struct ReportModel: Sendable, Equatable {
    public var title: String
    public var areaName: String
    /// Content hash of the dataset snapshot the numbers came from (provenance).
    public var datasetHash: String
    /// The parameters the measures used (speed, profile, norm ids, ...), in the order to show.
    public var parameters: [ReportParameter]
    public var generatedAt: Date
    public var language: ReportLanguage
    /// What the district value means and how to colour it.
    public var shading: ReportShading
    public var districts: [ReportDistrict]
    public var facilities: [ReportFacility]
    /// Where people live (the dataset's demand layer), drawn under the facilities.
    public var demand: [ReportDemandPoint] = []
    public var worstGaps: [ReportGap]
    public var tables: [ReportTable]
    public var charts: [ReportBarChart]
    /// Sentences a reader must see before the figures (e.g. "the dataset has no district
    /// shapes"), shown under the subtitle, already translated.
    public var notes: [String] = []

    public init(title: String, areaName: String, datasetHash: String, parameters: [ReportParameter] = [],
                generatedAt: Date, language: ReportLanguage, shading: ReportShading,
                districts: [ReportDistrict] = [], facilities: [ReportFacility] = [],
                worstGaps: [ReportGap] = [], tables: [ReportTable] = [], charts: [ReportBarChart] = []) {
        self.title = title
        self.areaName = areaName
        self.datasetHash = datasetHash
        self.parameters = parameters
        self.generatedAt = generatedAt
        self.language = language
        self.shading = shading
        self.districts = districts
        self.facilities = facilities
        self.worstGaps = worstGaps
        self.tables = tables
        self.charts = charts
    }
}

/// One named parameter of the run, shown in the provenance block.
public struct ReportParameter: Sendable, Equatable {
    public var name: String
    public var value: String

    public init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }
}

/// How district values are read: a share in 0...1 (coverage, provision) or a plain number
/// (a seat deficit), and whether a higher value is good news (green) or bad news (red).
public struct ReportShading: Sendable, Equatable {
    public enum Scale: Sendable, Equatable {
        /// 0...1, shown as a percentage, with fixed 20 % classes so maps of different areas compare.
        case share
        /// Any number, with equal-interval classes between the smallest and largest value.
        case number(unit: String)
    }

    /// The legend heading, e.g. "Coverage share" or "School-seat deficit".
    public var title: String
    public var scale: Scale
    public var higherIsBetter: Bool

    public init(title: String, scale: Scale, higherIsBetter: Bool) {
        self.title = title
        self.scale = scale
        self.higherIsBetter = higherIsBetter
    }
}

/// A district drawn on the map: its outline as multipolygon rings in WGS 84
/// (`polygons[p][r]` is ring `r` of polygon `p`; ring 0 is the shell, the rest are holes).
public struct ReportDistrict: Sendable, Equatable {
    public var name: String
    public var polygons: [[[Coordinate]]]
    /// The value to shade by; nil when there is no data for the district.
    public var value: Double?
    /// Text shown in the district's tooltip beside its name (e.g. "62 % of norms met").
    public var label: String

    public init(name: String, polygons: [[[Coordinate]]], value: Double?, label: String) {
        self.name = name
        self.polygons = polygons
        self.value = value
        self.label = label
    }
}

/// A demand point on the map: its people, and whether they are within the shaded kind's norm
/// (nil when the map is not shaded by coverage, so no one was measured).
public struct ReportDemandPoint: Sendable, Equatable {
    public var point: Coordinate
    public var population: Double
    public var withinNorm: Bool?

    public init(point: Coordinate, population: Double, withinNorm: Bool?) {
        self.point = point; self.population = population; self.withinNorm = withinNorm
    }
}

public struct ReportFacility: Sendable, Equatable {
    public var point: Coordinate
    /// Facility kind (`school`, `polyclinic`, ...): facilities of one kind share a colour.
    public var kind: String
    public var name: String

    public init(point: Coordinate, kind: String, name: String) {
        self.point = point
        self.kind = kind
        self.name = name
    }
}

/// A place where many people lack a service, labelled on the map.
public struct ReportGap: Sendable, Equatable {
    public var point: Coordinate
    public var label: String
    public var population: Int

    public init(point: Coordinate, label: String, population: Int) {
        self.point = point
        self.label = label
        self.population = population
    }
}

/// A titled table; `normIDs` and `sources` say which norms the numbers were checked against.
public struct ReportTable: Sendable, Equatable {
    public var title: String
    public var columns: [String]
    public var rows: [[String]]
    public var normIDs: [String]
    public var sources: [String]

    public init(title: String, columns: [String], rows: [[String]], normIDs: [String] = [], sources: [String] = []) {
        self.title = title
        self.columns = columns
        self.rows = rows
        self.normIDs = normIDs
        self.sources = sources
    }
}

/// A horizontal bar chart of shares (0...1), e.g. provision by district.
public struct ReportBarChart: Sendable, Equatable {
    public enum Subject: Sendable, Equatable {
        case provisionByDistrict
        case provisionBySettlementClass
        /// Any other chart, with its own (already translated) title.
        case custom(title: String)
    }

    public var subject: Subject
    public var bars: [ReportBar]

    public init(subject: Subject, bars: [ReportBar]) {
        self.subject = subject
        self.bars = bars
    }
}

public struct ReportBar: Sendable, Equatable {
    public var label: String
    /// The share in 0...1; values outside are clamped when drawn, NaN is drawn as "no data".
    public var share: Double

    public init(label: String, share: Double) {
        self.label = label
        self.share = share
    }
}
