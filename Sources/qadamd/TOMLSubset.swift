import Foundation

/// The small part of TOML that `qadamd.toml` uses: `[section]` headers, `key = value` lines
/// with strings, integers, floats, booleans and one-line arrays of those, and `#` comments.
/// Keys come back flattened as `section.key`. Anything else is an error naming the line, so a
/// typo in a config file stops the daemon instead of being silently ignored.
enum TOMLSubset {
    enum Value: Equatable {
        case string(String)
        case integer(Int)
        case float(Double)
        case bool(Bool)
        case array([Value])
    }

    struct ParseError: Error, CustomStringConvertible {
        let file: String
        let line: Int
        let reason: String
        var description: String { "\(file):\(line): \(reason)" }
    }

    static func parse(_ text: String, file: String) throws -> [String: Value] {
        var result: [String: Value] = [:]
        var section = ""
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let lineNumber = index + 1
            let line = stripComment(String(rawLine)).trimmingCharacters(in: .whitespacesAndNewlines)
            if line.isEmpty { continue }
            if line.hasPrefix("[") {
                guard line.hasSuffix("]"), line.count > 2 else {
                    throw ParseError(file: file, line: lineNumber, reason: "malformed section header \(line)")
                }
                section = String(line.dropFirst().dropLast()).trimmingCharacters(in: .whitespaces)
                continue
            }
            guard let equals = line.firstIndex(of: "=") else {
                throw ParseError(file: file, line: lineNumber, reason: "expected key = value, got \(line)")
            }
            let key = line[..<equals].trimmingCharacters(in: .whitespaces)
            guard !key.isEmpty, key.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }) else {
                throw ParseError(file: file, line: lineNumber, reason: "bad key '\(key)'")
            }
            let fullKey = section.isEmpty ? key : section + "." + key
            guard result[fullKey] == nil else {
                throw ParseError(file: file, line: lineNumber, reason: "key \(fullKey) set twice")
            }
            let valueText = line[line.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            do {
                result[fullKey] = try value(valueText)
            } catch let reason as Reason {
                throw ParseError(file: file, line: lineNumber, reason: "\(fullKey): \(reason.text)")
            }
        }
        return result
    }

    private struct Reason: Error { let text: String }

    private static func value(_ text: String) throws -> Value {
        if text.hasPrefix("\"") {
            guard text.count >= 2, text.hasSuffix("\"") else { throw Reason(text: "unterminated string") }
            let body = String(text.dropFirst().dropLast())
            guard !body.contains("\"") else { throw Reason(text: "quotes inside strings are not supported") }
            return .string(body.replacingOccurrences(of: "\\\\", with: "\\"))
        }
        if text.hasPrefix("[") {
            guard text.hasSuffix("]") else { throw Reason(text: "arrays must close on the same line") }
            let body = text.dropFirst().dropLast().trimmingCharacters(in: .whitespaces)
            if body.isEmpty { return .array([]) }
            return .array(try body.split(separator: ",").map { try value($0.trimmingCharacters(in: .whitespaces)) })
        }
        if text == "true" { return .bool(true) }
        if text == "false" { return .bool(false) }
        let digits = text.replacingOccurrences(of: "_", with: "")
        if let i = Int(digits) { return .integer(i) }
        if digits.hasPrefix("0o"), let i = Int(digits.dropFirst(2), radix: 8) { return .integer(i) }
        if let d = Double(digits), d.isFinite { return .float(d) }
        throw Reason(text: "cannot read value \(text)")
    }

    /// Drops a `#` comment that is not inside a string.
    private static func stripComment(_ line: String) -> String {
        var inString = false
        for (offset, ch) in line.enumerated() {
            if ch == "\"" { inString.toggle() }
            if ch == "#" && !inString { return String(line.prefix(offset)) }
        }
        return line
    }
}
