import Foundation

/// Checks a catalogue as written and builds the validated model. Collects every problem rather
/// than stopping at the first, because a planner editing a catalogue wants the whole list.
struct NormsCatalogueValidator {
    let file: String
    private(set) var issues: [NormsIssue] = []

    init(file: String) { self.file = file }

    /// The validated catalogue, or `NormsCatalogueError.invalid` with every issue found.
    static func validate(_ raw: RawCatalogue, file: String) throws -> NormsCatalogue {
        var validator = NormsCatalogueValidator(file: file)
        let catalogue = validator.check(raw)
        guard validator.issues.isEmpty, let catalogue else {
            throw NormsCatalogueError.invalid(file: file, issues: validator.issues)
        }
        return catalogue
    }

    // MARK: top level

    private mutating func check(_ raw: RawCatalogue) -> NormsCatalogue? {
        reportUnknown(raw.unknownKeys, path: "", ruleID: nil)
        let name = requireText(raw.name, path: "", ruleID: nil, field: "name")
        let version = requireText(raw.version, path: "", ruleID: nil, field: "version")

        var rules: [NormRule] = []
        if let rawRules = raw.rules, !rawRules.isEmpty {
            var firstIndexOfID: [String: Int] = [:]
            for (index, rawRule) in rawRules.enumerated() {
                if let id = rawRule.id, !id.isEmpty {
                    if let first = firstIndexOfID[id] {
                        add("rules[\(index)]", id, "id", "duplicate id, already used by rules[\(first)]")
                    } else {
                        firstIndexOfID[id] = index
                    }
                }
                if let rule = check(rawRule, path: "rules[\(index)]") { rules.append(rule) }
            }
        } else {
            add("", nil, "rules", raw.rules == nil ? "missing" : "must contain at least one rule")
        }

        // Required kinds are checked against the rules as written, so that one broken rule
        // is reported once, on the rule, and not again on every standard that needs it.
        let declared = Set((raw.rules ?? []).flatMap { rule in
            (rule.settlementClasses ?? []).map { KindAndClass(kind: rule.facilityKind ?? "", settlementClass: $0) }
        })
        var srs: SRSStandards?
        if let rawSRS = raw.srs {
            srs = check(rawSRS, declared: declared)
        } else {
            add("", nil, "srs", "missing")
        }

        guard let name, let version, let srs else { return nil }
        return NormsCatalogue(name: name, version: version, description: raw.description, rules: rules, srs: srs)
    }

    // MARK: rules

    private mutating func check(_ raw: RawRule, path: String) -> NormRule? {
        let id = raw.id
        reportUnknown(raw.unknownKeys, path: path, ruleID: id)
        if let id, id.contains(where: \.isWhitespace) {
            add(path, id, "id", "must not contain spaces")
        }
        let checkedID = requireText(id, path: path, ruleID: id, field: "id")
        let classes = checkClasses(raw.settlementClasses, path: path, ruleID: id)
        let kind = checkMember(raw.facilityKind, of: NormVocabulary.facilityKinds, what: "facility kind",
                               path: path, ruleID: id, field: "facility_kind")

        let distance = checkPositive(raw.maxDistanceM, path: path, ruleID: id, field: "max_distance_m")
        let time = checkPositive(raw.maxTimeMin, path: path, ruleID: id, field: "max_time_min")
        let capacity = checkPositive(raw.capacityPer1000, path: path, ruleID: id, field: "capacity_per_1000")
        let assumed = checkPositive(raw.assumedCapacity, path: path, ruleID: id, field: "assumed_capacity")

        if raw.maxDistanceM == nil, raw.maxTimeMin == nil, raw.capacityPer1000 == nil, raw.assumedCapacity == nil {
            add(path, id, "max_distance_m / max_time_min / capacity_per_1000 / assumed_capacity", "a rule needs at least one of these")
        }

        var profile: String?
        if raw.maxDistanceM != nil || raw.maxTimeMin != nil {
            profile = checkMember(raw.profile, of: NormVocabulary.profiles, what: "profile",
                                  path: path, ruleID: id, field: "profile")
        } else if raw.profile != nil {
            add(path, id, "profile", "given without max_distance_m or max_time_min, so it would have no effect")
        }

        var multiplier: Double?
        if let value = raw.lowRiseMultiplier {
            if !value.isFinite || value < 1 {
                add(path, id, "low_rise_multiplier", "must be a finite number of at least 1, got \(value)")
            } else if raw.maxDistanceM == nil {
                add(path, id, "low_rise_multiplier", "needs max_distance_m, the distance it multiplies")
            } else {
                multiplier = value
            }
        }

        let range = checkCapacityRange(raw.capacityPer1000Range, capacity: capacity, hasCapacity: raw.capacityPer1000 != nil,
                                       path: path, ruleID: id)
        let source = checkSource(raw.source, path: path, ruleID: id, field: "source")

        guard let checkedID, let classes, let kind, let source else { return nil }
        return NormRule(id: checkedID, title: raw.title, settlementClasses: classes, facilityKind: kind,
                        maxDistanceMetres: distance, maxTimeMinutes: time, profile: profile,
                        lowRiseMultiplier: multiplier, capacityPer1000: capacity, capacityPer1000Range: range,
                        assumedCapacity: assumed, note: raw.note, source: source)
    }

    private mutating func checkCapacityRange(_ raw: [Double]?, capacity: Double?, hasCapacity: Bool,
                                             path: String, ruleID: String?) -> ClosedRange<Double>? {
        guard let raw else { return nil }
        let field = "capacity_per_1000_range"
        guard raw.count == 2 else {
            add(path, ruleID, field, "must be [low, high], got \(raw.count) numbers")
            return nil
        }
        let (low, high) = (raw[0], raw[1])
        guard low.isFinite, high.isFinite, low > 0, high > 0 else {
            add(path, ruleID, field, "bounds must be positive finite numbers, got [\(low), \(high)]")
            return nil
        }
        guard low <= high else {
            add(path, ruleID, field, "low bound \(low) is above high bound \(high)")
            return nil
        }
        if !hasCapacity {
            add(path, ruleID, field, "needs capacity_per_1000, the value used within the range")
        } else if let capacity, !(low...high).contains(capacity) {
            add(path, ruleID, "capacity_per_1000", "\(capacity) lies outside capacity_per_1000_range [\(low), \(high)]")
        }
        return low...high
    }

    // MARK: СРС

    private mutating func check(_ raw: RawSRS, declared: Set<KindAndClass>) -> SRSStandards? {
        let path = "srs"
        reportUnknown(raw.unknownKeys, path: path, ruleID: nil)

        var directions: [SRSDirection] = []
        if let rawDirections = raw.directions, !rawDirections.isEmpty {
            var seen = Set<String>()
            for (index, rawDirection) in rawDirections.enumerated() {
                let at = "\(path).directions[\(index)]"
                reportUnknown(rawDirection.unknownKeys, path: at, ruleID: nil)
                let id = requireText(rawDirection.id, path: at, ruleID: nil, field: "id")
                let nameRu = requireText(rawDirection.nameRu, path: at, ruleID: nil, field: "name_ru")
                let nameEn = requireText(rawDirection.nameEn, path: at, ruleID: nil, field: "name_en")
                if let id, !seen.insert(id).inserted { add(at, nil, "id", "duplicate direction id \"\(id)\"") }
                if let id, let nameRu, let nameEn { directions.append(SRSDirection(id: id, nameRu: nameRu, nameEn: nameEn)) }
            }
        } else {
            add(path, nil, "directions", raw.directions == nil ? "missing" : "must list at least one direction")
        }
        let directionIDs = Set(directions.map(\.id))

        let directionsSource = raw.directionsSource.flatMap {
            checkSource($0, path: path, ruleID: nil, field: "directions_source")
        }

        var kindDirections: [String: String] = [:]
        if let rawMap = raw.kindDirections {
            for (kind, direction) in rawMap.sorted(by: { $0.key < $1.key }) {
                if !NormVocabulary.facilityKinds.contains(kind) {
                    add("\(path).kind_directions", nil, kind, "unknown facility kind \"\(kind)\"; known: \(Self.list(NormVocabulary.facilityKinds))")
                } else if !directionIDs.contains(direction) {
                    add("\(path).kind_directions", nil, kind, "unknown direction \"\(direction)\"; known: \(Self.list(directions.map(\.id)))")
                } else {
                    kindDirections[kind] = direction
                }
            }
        } else {
            add(path, nil, "kind_directions", "missing")
        }

        var standards: [SRSStandard] = []
        var standardOfClass: [String: Int] = [:]
        if let rawStandards = raw.standards, !rawStandards.isEmpty {
            for (index, rawStandard) in rawStandards.enumerated() {
                let at = "\(path).standards[\(index)]"
                if let standard = check(rawStandard, path: at, declared: declared, directionCount: directions.count) {
                    standards.append(standard)
                }
                for settlementClass in rawStandard.settlementClasses ?? [] {
                    if let first = standardOfClass[settlementClass] {
                        add(at, nil, "settlement_classes", "class \"\(settlementClass)\" is already covered by \(path).standards[\(first)]")
                    } else {
                        standardOfClass[settlementClass] = index
                    }
                }
            }
            for settlementClass in NormVocabulary.settlementClasses where standardOfClass[settlementClass] == nil {
                add(path, nil, "standards", "settlement class \"\(settlementClass)\" has no СРС standard")
            }
        } else {
            add(path, nil, "standards", raw.standards == nil ? "missing" : "must list at least one standard")
        }

        return SRSStandards(directions: directions, directionsSource: directionsSource,
                            kindDirections: kindDirections, standards: standards)
    }

    private mutating func check(_ raw: RawStandard, path: String, declared: Set<KindAndClass>, directionCount: Int) -> SRSStandard? {
        reportUnknown(raw.unknownKeys, path: path, ruleID: nil)
        let classes = checkClasses(raw.settlementClasses, path: path, ruleID: nil)
        let objectCount = checkCount(raw.objectCount, path: path, field: "object_count", atMost: nil)
        let directionsUsed = checkCount(raw.directionCount, path: path, field: "direction_count", atMost: directionCount)
        let basis = checkMember(raw.modelledKindsBasis, of: NormVocabulary.modelledKindsBases, what: "basis",
                                path: path, ruleID: nil, field: "modelled_kinds_basis")
        let source = checkSource(raw.source, path: path, ruleID: nil, field: "source")

        var kinds: [String]?
        if let rawKinds = raw.modelledKinds {
            var valid: [String] = []
            for kind in rawKinds {
                if !NormVocabulary.facilityKinds.contains(kind) {
                    add(path, nil, "modelled_kinds", "unknown facility kind \"\(kind)\"; known: \(Self.list(NormVocabulary.facilityKinds))")
                } else if valid.contains(kind) {
                    add(path, nil, "modelled_kinds", "\"\(kind)\" is listed twice")
                } else {
                    valid.append(kind)
                    for settlementClass in classes ?? [] where
                        !declared.contains(KindAndClass(kind: kind, settlementClass: settlementClass)) {
                        add(path, nil, "modelled_kinds", "required kind \"\(kind)\" has no rule for class \"\(settlementClass)\"")
                    }
                }
            }
            if let objectCount, valid.count > objectCount {
                add(path, nil, "modelled_kinds", "lists \(valid.count) kinds, more than object_count \(objectCount)")
            }
            kinds = valid
        } else {
            add(path, nil, "modelled_kinds", "missing")
        }

        guard let classes, let objectCount, let directionsUsed, let basis, let source, let kinds else { return nil }
        return SRSStandard(settlementClasses: classes, objectCount: objectCount, directionCount: directionsUsed,
                           modelledKinds: kinds, modelledKindsBasis: basis, source: source)
    }

    // MARK: shared checks

    private mutating func checkClasses(_ raw: [String]?, path: String, ruleID: String?) -> [String]? {
        let field = "settlement_classes"
        guard let raw, !raw.isEmpty else {
            add(path, ruleID, field, raw == nil ? "missing" : "must list at least one settlement class")
            return nil
        }
        var valid: [String] = []
        var ok = true
        for value in raw {
            if !NormVocabulary.settlementClasses.contains(value) {
                add(path, ruleID, field, "unknown settlement class \"\(value)\"; known: \(Self.list(NormVocabulary.settlementClasses))")
                ok = false
            } else if valid.contains(value) {
                add(path, ruleID, field, "\"\(value)\" is listed twice")
                ok = false
            } else {
                valid.append(value)
            }
        }
        return ok ? valid : nil
    }

    private mutating func checkMember(_ raw: String?, of known: [String], what: String,
                                      path: String, ruleID: String?, field: String) -> String? {
        guard let raw else {
            add(path, ruleID, field, "missing")
            return nil
        }
        guard known.contains(raw) else {
            add(path, ruleID, field, "unknown \(what) \"\(raw)\"; known: \(Self.list(known))")
            return nil
        }
        return raw
    }

    private mutating func checkPositive(_ raw: Double?, path: String, ruleID: String?, field: String) -> Double? {
        guard let raw else { return nil }
        guard raw.isFinite, raw > 0 else {
            add(path, ruleID, field, "must be a positive finite number, got \(raw)")
            return nil
        }
        return raw
    }

    private mutating func checkCount(_ raw: Int?, path: String, field: String, atMost limit: Int?) -> Int? {
        guard let raw else {
            add(path, nil, field, "missing")
            return nil
        }
        guard raw >= 1 else {
            add(path, nil, field, "must be at least 1, got \(raw)")
            return nil
        }
        if let limit, raw > limit {
            add(path, nil, field, "\(raw) is more than the \(limit) directions listed in srs.directions")
            return nil
        }
        return raw
    }

    private mutating func checkSource(_ raw: RawSource?, path: String, ruleID: String?, field: String) -> NormSource? {
        guard let raw else {
            add(path, ruleID, field, "missing: every norm must name its source (document, edition, clause)")
            return nil
        }
        reportUnknown(raw.unknownKeys, path: path, ruleID: ruleID, prefix: "\(field).")
        let document = requireText(raw.document, path: path, ruleID: ruleID, field: "\(field).document")
        if let url = raw.url, !(url.hasPrefix("https://") || url.hasPrefix("http://")) {
            add(path, ruleID, "\(field).url", "must start with http:// or https://, got \"\(url)\"")
            return nil
        }
        guard let document else { return nil }
        return NormSource(document: document, edition: raw.edition, clause: raw.clause, url: raw.url, note: raw.note)
    }

    private mutating func requireText(_ raw: String?, path: String, ruleID: String?, field: String) -> String? {
        guard let raw else {
            add(path, ruleID, field, "missing")
            return nil
        }
        guard !raw.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            add(path, ruleID, field, "must not be empty")
            return nil
        }
        return raw
    }

    private mutating func reportUnknown(_ keys: [String], path: String, ruleID: String?, prefix: String = "") {
        for key in keys {
            add(path, ruleID, prefix + key, "unknown field (misspelt? see geodata/norms/schema.json)")
        }
    }

    private mutating func add(_ path: String, _ ruleID: String?, _ field: String, _ message: String) {
        issues.append(NormsIssue(file: file, path: path, ruleID: ruleID, field: field, message: message))
    }

    private static func list(_ values: [String]) -> String { values.joined(separator: ", ") }
}

/// A (facility kind, settlement class) pair some rule covers.
private struct KindAndClass: Hashable {
    let kind: String
    let settlementClass: String
}
