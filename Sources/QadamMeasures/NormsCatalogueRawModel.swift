import Foundation

// The catalogue file as written, before validation: every field optional and unknown keys kept,
// so that validation (not the JSON decoder) reports what is missing or misspelt, with its rule
// index, id and field. Only wrong JSON types stop decoding early.

/// A key for reading whatever keys an object has.
private struct AnyKey: CodingKey {
    let stringValue: String
    var intValue: Int? { nil }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}

/// Keys of the object being decoded that are not in `Keys`, sorted.
private func extraKeys<Keys: CodingKey & CaseIterable>(_ decoder: Decoder, _: Keys.Type) throws -> [String] {
    let known = Set(Keys.allCases.map(\.stringValue))
    return try decoder.container(keyedBy: AnyKey.self).allKeys.map(\.stringValue)
        .filter { !known.contains($0) }.sorted()
}

struct RawCatalogue: Decodable {
    var name, version, description: String?
    var rules: [RawRule]?
    var srs: RawSRS?
    var unknownKeys: [String]

    enum CodingKeys: String, CodingKey, CaseIterable {
        case schema = "$schema", name, version, description, rules, srs
    }

    init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decodeIfPresent(String.self, forKey: .name)
        version = try c.decodeIfPresent(String.self, forKey: .version)
        description = try c.decodeIfPresent(String.self, forKey: .description)
        rules = try c.decodeIfPresent([RawRule].self, forKey: .rules)
        srs = try c.decodeIfPresent(RawSRS.self, forKey: .srs)
        _ = try c.decodeIfPresent(String.self, forKey: .schema)
        unknownKeys = try extraKeys(decoder, CodingKeys.self)
    }
}

struct RawRule: Decodable {
    var id, title: String?
    var settlementClasses: [String]?
    var facilityKind: String?
    var maxDistanceM, maxTimeMin: Double?
    var profile: String?
    var lowRiseMultiplier, capacityPer1000: Double?
    var capacityPer1000Range: [Double]?
    var assumedCapacity: Double?
    var note: String?
    var source: RawSource?
    var unknownKeys: [String]

    enum CodingKeys: String, CodingKey, CaseIterable {
        case id, title, profile, note, source
        case settlementClasses = "settlement_classes"
        case facilityKind = "facility_kind"
        case maxDistanceM = "max_distance_m"
        case maxTimeMin = "max_time_min"
        case lowRiseMultiplier = "low_rise_multiplier"
        case capacityPer1000 = "capacity_per_1000"
        case capacityPer1000Range = "capacity_per_1000_range"
        case assumedCapacity = "assumed_capacity"
    }

    init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decodeIfPresent(String.self, forKey: .id)
        title = try c.decodeIfPresent(String.self, forKey: .title)
        settlementClasses = try c.decodeIfPresent([String].self, forKey: .settlementClasses)
        facilityKind = try c.decodeIfPresent(String.self, forKey: .facilityKind)
        maxDistanceM = try c.decodeIfPresent(Double.self, forKey: .maxDistanceM)
        maxTimeMin = try c.decodeIfPresent(Double.self, forKey: .maxTimeMin)
        profile = try c.decodeIfPresent(String.self, forKey: .profile)
        lowRiseMultiplier = try c.decodeIfPresent(Double.self, forKey: .lowRiseMultiplier)
        capacityPer1000 = try c.decodeIfPresent(Double.self, forKey: .capacityPer1000)
        capacityPer1000Range = try c.decodeIfPresent([Double].self, forKey: .capacityPer1000Range)
        assumedCapacity = try c.decodeIfPresent(Double.self, forKey: .assumedCapacity)
        note = try c.decodeIfPresent(String.self, forKey: .note)
        source = try c.decodeIfPresent(RawSource.self, forKey: .source)
        unknownKeys = try extraKeys(decoder, CodingKeys.self)
    }
}

struct RawSource: Decodable {
    var document, edition, clause, url, note: String?
    var unknownKeys: [String]

    enum CodingKeys: String, CodingKey, CaseIterable { case document, edition, clause, url, note }

    init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        document = try c.decodeIfPresent(String.self, forKey: .document)
        edition = try c.decodeIfPresent(String.self, forKey: .edition)
        clause = try c.decodeIfPresent(String.self, forKey: .clause)
        url = try c.decodeIfPresent(String.self, forKey: .url)
        note = try c.decodeIfPresent(String.self, forKey: .note)
        unknownKeys = try extraKeys(decoder, CodingKeys.self)
    }
}

struct RawSRS: Decodable {
    var directions: [RawDirection]?
    var directionsSource: RawSource?
    var kindDirections: [String: String]?
    var standards: [RawStandard]?
    var unknownKeys: [String]

    enum CodingKeys: String, CodingKey, CaseIterable {
        case directions, standards
        case directionsSource = "directions_source"
        case kindDirections = "kind_directions"
    }

    init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        directions = try c.decodeIfPresent([RawDirection].self, forKey: .directions)
        directionsSource = try c.decodeIfPresent(RawSource.self, forKey: .directionsSource)
        kindDirections = try c.decodeIfPresent([String: String].self, forKey: .kindDirections)
        standards = try c.decodeIfPresent([RawStandard].self, forKey: .standards)
        unknownKeys = try extraKeys(decoder, CodingKeys.self)
    }
}

struct RawDirection: Decodable {
    var id, nameRu, nameEn: String?
    var unknownKeys: [String]

    enum CodingKeys: String, CodingKey, CaseIterable {
        case id
        case nameRu = "name_ru"
        case nameEn = "name_en"
    }

    init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decodeIfPresent(String.self, forKey: .id)
        nameRu = try c.decodeIfPresent(String.self, forKey: .nameRu)
        nameEn = try c.decodeIfPresent(String.self, forKey: .nameEn)
        unknownKeys = try extraKeys(decoder, CodingKeys.self)
    }
}

struct RawStandard: Decodable {
    var settlementClasses: [String]?
    var objectCount, directionCount: Int?
    var modelledKinds: [String]?
    var modelledKindsBasis: String?
    var source: RawSource?
    var unknownKeys: [String]

    enum CodingKeys: String, CodingKey, CaseIterable {
        case source
        case settlementClasses = "settlement_classes"
        case objectCount = "object_count"
        case directionCount = "direction_count"
        case modelledKinds = "modelled_kinds"
        case modelledKindsBasis = "modelled_kinds_basis"
    }

    init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        settlementClasses = try c.decodeIfPresent([String].self, forKey: .settlementClasses)
        objectCount = try c.decodeIfPresent(Int.self, forKey: .objectCount)
        directionCount = try c.decodeIfPresent(Int.self, forKey: .directionCount)
        modelledKinds = try c.decodeIfPresent([String].self, forKey: .modelledKinds)
        modelledKindsBasis = try c.decodeIfPresent(String.self, forKey: .modelledKindsBasis)
        source = try c.decodeIfPresent(RawSource.self, forKey: .source)
        unknownKeys = try extraKeys(decoder, CodingKeys.self)
    }
}
