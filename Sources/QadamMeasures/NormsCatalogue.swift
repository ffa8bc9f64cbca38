import Foundation

/// A validated norms catalogue: which facility kinds a settlement class must reach, how far or
/// how fast, and how many places per 1,000 residents, each rule with its source.
///
/// Values are built only by `NormsCatalogue.load(from:)` / `decode(_:file:)`, which validate
/// everything first, so code that holds a catalogue can rely on known identifiers, positive
/// finite numbers, unique ids and a source on every rule.
public struct NormsCatalogue: Sendable, Hashable {
    public let name: String
    public let version: String
    public let description: String?
    /// Rules in file order.
    public let rules: [NormRule]
    public let srs: SRSStandards

    init(name: String, version: String, description: String?, rules: [NormRule], srs: SRSStandards) {
        self.name = name
        self.version = version
        self.description = description
        self.rules = rules
        self.srs = srs
    }

    /// The rules that apply to a settlement class and facility kind, in file order.
    public func rules(for settlementClass: String, kind: String) -> [NormRule] {
        rules.filter { $0.facilityKind == kind && $0.settlementClasses.contains(settlementClass) }
    }

    /// The facility kinds Qadam checks for a class under the СРС (see `SRSStandard.modelledKinds`
    /// for what that list does and does not cover). Empty for an unknown class.
    public func requiredKinds(for settlementClass: String) -> [String] {
        srs.standard(for: settlementClass)?.modelledKinds ?? []
    }

    /// The rule with this id, if any. Results cite rules by id.
    public func rule(id: String) -> NormRule? {
        rules.first { $0.id == id }
    }
}

/// One norm: for some settlement classes and one facility kind, a distance or time limit,
/// a capacity per 1,000 residents and/or a capacity to assume for one facility.
public struct NormRule: Sendable, Hashable {
    /// Stable id, e.g. `sp-rk-3.01-101-2013/school/urban-walk`.
    public let id: String
    public let title: String?
    public let settlementClasses: [String]
    public let facilityKind: String
    /// Maximum network distance, metres, with `profile`.
    public let maxDistanceMetres: Double?
    /// Maximum travel time, minutes, with `profile`.
    public let maxTimeMinutes: Double?
    /// Travel profile for the limits; present exactly when a limit is.
    public let profile: String?
    /// Factor for `maxDistanceMetres` in low-rise (estate) housing; at least 1.
    public let lowRiseMultiplier: Double?
    /// Places (seats) required per 1,000 residents.
    public let capacityPer1000: Double?
    /// The range the source allows; `capacityPer1000` lies inside it.
    public let capacityPer1000Range: ClosedRange<Double>?
    /// Capacity of one facility of this kind to assume where a facility's own capacity is
    /// unknown, used only when a query asks for it (`assume_capacity: "catalogue"`), e.g. the
    /// standard school project size. Results then say the capacity was assumed and from where.
    public let assumedCapacity: Double?
    public let note: String?
    public let source: NormSource

    /// The distance limit in metres, widened by `lowRiseMultiplier` in low-rise housing.
    public func maxDistance(lowRise: Bool) -> Double? {
        guard let metres = maxDistanceMetres else { return nil }
        return lowRise ? metres * (lowRiseMultiplier ?? 1) : metres
    }

    /// The time limit in seconds (Qadam's interfaces use seconds).
    public var maxTimeSeconds: Double? { maxTimeMinutes.map { $0 * 60 } }
}

/// Where a norm comes from, precise enough for a planner to look it up.
public struct NormSource: Sendable, Hashable {
    public let document: String
    public let edition: String?
    /// Clause, table, page or line.
    public let clause: String?
    public let url: String?
    /// What was and was not verified, and any assumption.
    public let note: String?
}

/// The System of Regional Standards (СРС) part of a catalogue.
public struct SRSStandards: Sendable, Hashable {
    public let directions: [SRSDirection]
    public let directionsSource: NormSource?
    /// Facility kind -> direction id, for per-direction breakdowns of provision.
    public let kindDirections: [String: String]
    /// One entry per group of classes; every class appears in exactly one.
    public let standards: [SRSStandard]

    /// The standard that covers a settlement class.
    public func standard(for settlementClass: String) -> SRSStandard? {
        standards.first { $0.settlementClasses.contains(settlementClass) }
    }

    /// The direction a facility kind belongs to, if the catalogue says.
    public func direction(of kind: String) -> SRSDirection? {
        guard let id = kindDirections[kind] else { return nil }
        return directions.first { $0.id == id }
    }
}

/// One of the 12 СРС directions (education, healthcare, ...).
public struct SRSDirection: Sendable, Hashable {
    public let id: String
    public let nameRu: String
    public let nameEn: String
}

/// The СРС requirement for a group of settlement classes.
public struct SRSStandard: Sendable, Hashable {
    public let settlementClasses: [String]
    /// Number of objects and services the СРС requires (56 / 49 / 40 / 29).
    public let objectCount: Int
    public let directionCount: Int
    /// The subset of the required objects that Qadam can measure (facility kinds). This is not the
    /// whole СРС list: provision over these kinds is provision over `modelledKinds.count` of
    /// `objectCount` objects, and reports must say so.
    public let modelledKinds: [String]
    /// `document` if `modelledKinds` is transcribed from a document, `assumption` if it is Qadam's.
    public let modelledKindsBasis: String
    public let source: NormSource
}
