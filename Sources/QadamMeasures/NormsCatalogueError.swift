import Foundation

/// Why a norms catalogue could not be loaded. Every case names the file; `invalid` lists every
/// problem found, each located by rule index, rule id and field, so one run shows them all.
public enum NormsCatalogueError: Error, Sendable, Equatable, CustomStringConvertible, LocalizedError {
    /// The file could not be read at all.
    case unreadable(file: String, reason: String)
    /// The file is not JSON, or a value has the wrong JSON type. `path` is e.g. `rules[2].max_distance_m`.
    case malformed(file: String, path: String, ruleID: String?, reason: String)
    /// The file is well-formed JSON but breaks the catalogue's rules.
    case invalid(file: String, issues: [NormsIssue])

    public var description: String {
        switch self {
        case let .unreadable(file, reason):
            return "\(file): cannot read norms catalogue: \(reason)"
        case let .malformed(file, path, ruleID, reason):
            let at = NormsIssue.locationText(path: path, ruleID: ruleID, field: nil)
            return "\(file): malformed norms catalogue\(at.isEmpty ? "" : " at \(at)"): \(reason)"
        case let .invalid(file, issues):
            let plural = issues.count == 1 ? "problem" : "problems"
            return "\(file): invalid norms catalogue, \(issues.count) \(plural):\n"
                + issues.map { "  - \($0.locationAndMessage)" }.joined(separator: "\n")
        }
    }

    public var errorDescription: String? { description }

    /// The issues of an `invalid` error; empty for the other cases.
    public var issues: [NormsIssue] {
        if case let .invalid(_, issues) = self { return issues }
        return []
    }
}

/// One problem in a catalogue, with where it is.
public struct NormsIssue: Sendable, Hashable, CustomStringConvertible {
    public let file: String
    /// JSON path of the object, e.g. `rules[3]`, `srs.standards[1]`, or empty for the top level.
    public let path: String
    /// The id of the rule concerned, when the problem is inside a rule that has one.
    public let ruleID: String?
    /// The field concerned, e.g. `max_distance_m`.
    public let field: String
    public let message: String

    public var description: String { "\(file): \(locationAndMessage)" }

    var locationAndMessage: String {
        "\(Self.locationText(path: path, ruleID: ruleID, field: field)): \(message)"
    }

    static func locationText(path: String, ruleID: String?, field: String?) -> String {
        var parts: [String] = []
        if !path.isEmpty { parts.append(path) }
        if let ruleID, !ruleID.isEmpty { parts.append("(id \"\(ruleID)\")") }
        var text = parts.joined(separator: " ")
        if let field {
            text += text.isEmpty ? "field \(field)" : ", field \(field)"
        }
        return text
    }
}
