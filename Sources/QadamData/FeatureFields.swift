import QadamGeo
import QadamContract

/// Reads one source feature's mapped fields as typed values, recording a located problem for
/// each value that is missing or malformed.
struct FeatureFields {
    let document: SourceDocument
    let feature: SourceFeature
    /// Target -> source field, from `LayerSchema.resolve`.
    let fields: [String: String]
    var id: String?
    var problems: [DataProblem] = []

    init(document: SourceDocument, feature: SourceFeature, fields: [String: String]) {
        self.document = document
        self.feature = feature
        self.fields = fields
    }

    private func raw(_ target: String) -> JSONValue? {
        guard let source = fields[target], let v = feature.properties[source], !v.isNull else { return nil }
        if case .string(let s) = v, s.trimmingCharacters(in: .whitespaces).isEmpty { return nil }
        return v
    }

    mutating func report(_ severity: DataProblem.Severity, _ target: String?, _ message: String) {
        let field = target.map { fields[$0] ?? $0 }
        problems.append(DataProblem(severity, document.location(feature, field: field), featureID: id, message))
    }

    func string(_ target: String) -> String? {
        raw(target)?.scalarText?.trimmingCharacters(in: .whitespaces)
    }

    mutating func requiredString(_ target: String) -> String? {
        if let s = string(target) { return s }
        report(.error, target, fields[target] == nil
               ? "missing required field '\(target)' (map it with --field \(target)=SOURCE)"
               : "required value is missing")
        return nil
    }

    /// A number from a JSON number or a numeric string ("1 234" and "1234.5" both read).
    /// Malformed values are reported with `severity` and read as nil.
    mutating func number(_ target: String, severity: DataProblem.Severity = .warning) -> Double? {
        guard let v = raw(target) else { return nil }
        var value: Double?
        switch v {
        case .int(let i): value = Double(i)
        case .double(let d): value = d
        case .string(let s):
            value = Double(s.filter { !$0.isWhitespace && $0 != "\u{00A0}" && $0 != "\u{202F}" })
        default: value = nil
        }
        guard let d = value, d.isFinite else {
            report(severity, target, "\(v.canonicalText) is not a finite number")
            return nil
        }
        return d
    }

    mutating func requiredNumber(_ target: String) -> Double? {
        guard raw(target) != nil else {
            _ = requiredString(target)
            return nil
        }
        return number(target, severity: .error)
    }

    /// A non-negative whole count (population); fractions are rounded, negatives are errors.
    mutating func count(_ target: String) -> Int? {
        guard let d = number(target) else { return nil }
        guard d >= 0 else { report(.error, target, "\(d) is negative"); return nil }
        return Int(d.rounded())
    }

    mutating func flag(_ target: String) -> Bool {
        guard let v = raw(target) else { return false }
        if case .bool(let b) = v { return b }
        switch v.scalarText?.lowercased() {
        case "1", "true", "yes", "y", "да": return true
        case "0", "false", "no", "n", "нет": return false
        default:
            report(.warning, target, "\(v.canonicalText) is not a yes/no value; read as no")
            return false
        }
    }

    /// An enum value from its raw text; unknown values are errors listing the known ones.
    mutating func choice<E: RawRepresentable & CaseIterable>(_ target: String, _ type: E.Type,
                                                             parse: (String) -> E? = { E(rawValue: $0) }) -> E?
        where E.RawValue == String {
        guard let text = string(target) else { return nil }
        if let e = parse(text) { return e }
        report(.error, target, "unknown \(target) '\(text)' (known: \(E.allCases.map(\.rawValue).joined(separator: ", ")))")
        return nil
    }

    /// A list of ids from a JSON array or a `;`/`,`-separated string.
    func list(_ target: String) -> [String]? {
        guard let v = raw(target) else { return nil }
        if let a = v.arrayValue { return a.compactMap(\.scalarText) }
        return v.scalarText?.split(whereSeparator: { $0 == ";" || $0 == "," })
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}
