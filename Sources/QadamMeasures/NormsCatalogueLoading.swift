import Foundation
import QadamContract

extension NormsCatalogue {
    /// Where the default catalogue lives inside a repository's `geodata/` folder.
    public static let defaultRelativePath = "norms/default.json"

    /// Loads and validates a catalogue file (the format of `geodata/norms/schema.json`).
    /// Throws `NormsCatalogueError`, which names the file and locates every problem.
    public static func load(from url: URL) throws -> NormsCatalogue {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw NormsCatalogueError.unreadable(file: url.path, reason: Self.reason(error))
        }
        return try decode(data, file: url.path)
    }

    /// Loads Qadam's default catalogue from a repository's `geodata` folder
    /// (`<repositoryGeodata>/norms/default.json`).
    public static func loadDefault(repositoryGeodata: URL) throws -> NormsCatalogue {
        try load(from: repositoryGeodata.appendingPathComponent(defaultRelativePath))
    }

    /// Decodes and validates catalogue JSON; `file` names it in errors.
    public static func decode(_ data: Data, file: String) throws -> NormsCatalogue {
        let raw: RawCatalogue
        do {
            // Strict JSON (no NaN): a catalogue's limits must be numbers.
            raw = try JSONValueDecoder.decode(RawCatalogue.self, from: JSONParser.parse(data, allowNonFinite: false))
        } catch let error as JSONSyntaxError {
            throw NormsCatalogueError.malformed(file: file, path: "", ruleID: nil, reason: "not valid JSON (\(error))")
        } catch let error as DecodingError {
            throw malformed(error, data: data, file: file)
        } catch {
            throw NormsCatalogueError.malformed(file: file, path: "", ruleID: nil, reason: Self.reason(error))
        }
        return try NormsCatalogueValidator.validate(raw, file: file)
    }

    /// Turns a decoder error into a located one: JSON path, and the rule id when the path is in a rule.
    private static func malformed(_ error: DecodingError, data: Data, file: String) -> NormsCatalogueError {
        let context: DecodingError.Context
        let reason: String
        switch error {
        case let .typeMismatch(type, ctx):
            context = ctx
            reason = "wrong type, expected \(jsonTypeName(type))"
        case let .valueNotFound(type, ctx):
            context = ctx
            reason = "null where \(jsonTypeName(type)) is needed"
        case let .keyNotFound(key, ctx):
            context = ctx
            reason = "missing field \(key.stringValue)"
        case let .dataCorrupted(ctx):
            context = ctx
            let underlying = ctx.underlyingError.map { Self.reason($0) }
            reason = context.codingPath.isEmpty
                ? "not valid JSON" + (underlying.map { " (\($0))" } ?? "")
                : ctx.debugDescription
        @unknown default:
            return .malformed(file: file, path: "", ruleID: nil, reason: String(describing: error))
        }
        let path = jsonPath(context.codingPath)
        var ruleID: String?
        if context.codingPath.count >= 2, context.codingPath[0].stringValue == RawCatalogue.CodingKeys.rules.stringValue,
           let index = context.codingPath[1].intValue {
            ruleID = ruleIDLeniently(at: index, in: data)
        }
        return .malformed(file: file, path: path, ruleID: ruleID, reason: reason)
    }

    /// `rules[2].max_distance_m` from a coding path.
    static func jsonPath(_ codingPath: [CodingKey]) -> String {
        codingPath.reduce(into: "") { text, key in
            if let index = key.intValue {
                text += "[\(index)]"
            } else {
                text += text.isEmpty ? key.stringValue : ".\(key.stringValue)"
            }
        }
    }

    /// The id of `rules[index]` read without the typed decoder, so a type error elsewhere in
    /// that rule can still be reported with its id.
    private static func ruleIDLeniently(at index: Int, in data: Data) -> String? {
        guard case .array(let rules)? = (try? JSONParser.parse(data, allowNonFinite: false))?["rules"],
              rules.indices.contains(index) else { return nil }
        return rules[index]["id"]?.stringValue
    }

    private static func jsonTypeName(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: return "a string"
        case is Double.Type, is Int.Type: return "a number"
        case is [String].Type, is [Double].Type: return "an array"
        default: return "\(type)"
        }
    }

    private static func reason(_ error: Error) -> String {
        (error as? LocalizedError)?.errorDescription ?? String(describing: error)
    }
}
