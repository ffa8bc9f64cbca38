/// A small well-formedness checker for the report's XHTML-clean output (Foundation's
/// XMLDocument is not available on Linux): tags balance, attributes are quoted, and text and
/// attribute values hold no raw `<`, `>` or bare `&`.
enum ReportMarkupChecker {
    struct Problem: Error, CustomStringConvertible {
        var offset: Int
        var message: String
        var description: String { "at character \(offset): \(message)" }
    }

    /// Returns the element names in document order (for counting) or throws the first problem.
    @discardableResult
    static func check(_ text: String) throws -> [String] {
        let chars = Array(text.unicodeScalars)
        var stack: [String] = []
        var opened: [String] = []
        var i = 0
        func fail(_ message: String) -> Problem { Problem(offset: i, message: message) }
        func checkEntities(_ s: ArraySlice<Unicode.Scalar>, at offset: Int) throws {
            var j = s.startIndex
            while j < s.endIndex {
                if s[j] == ">" || s[j] == "<" { throw Problem(offset: offset + j - s.startIndex, message: "raw '\(s[j])' in text") }
                if s[j] == "&" {
                    guard let semicolon = s[j...].firstIndex(of: ";"), semicolon - j <= 8,
                          s[(j + 1)..<semicolon].allSatisfy({ $0 == "#" || $0.properties.isAlphabetic || ("0"..."9").contains($0) }),
                          semicolon > j + 1 else {
                        throw Problem(offset: offset + j - s.startIndex, message: "bare '&'")
                    }
                    j = semicolon
                }
                j += 1
            }
        }
        while i < chars.count {
            guard chars[i] == "<" else {
                let end = chars[i...].firstIndex(of: "<") ?? chars.count
                // CSS inside <style> is not text markup; it is checked not to contain '<' by the scan.
                if stack.last != "style" { try checkEntities(chars[i..<end], at: i) }
                i = end
                continue
            }
            if chars[i...].starts(with: "<!--".unicodeScalars) {
                guard let close = String(String.UnicodeScalarView(chars[i...])).range(of: "-->") else { throw fail("unclosed comment") }
                i += String(String.UnicodeScalarView(chars[i...]))[..<close.upperBound].unicodeScalars.count
                continue
            }
            if chars[i...].starts(with: "<!".unicodeScalars) {
                guard let close = chars[i...].firstIndex(of: ">") else { throw fail("unclosed declaration") }
                i = close + 1
                continue
            }
            let closing = chars[i + 1] == "/"
            var j = i + (closing ? 2 : 1)
            let nameStart = j
            while j < chars.count, chars[j].properties.isAlphabetic || ("0"..."9").contains(chars[j]) || chars[j] == "-" { j += 1 }
            let name = String(String.UnicodeScalarView(chars[nameStart..<j])).lowercased()
            guard !name.isEmpty else { throw fail("tag without a name") }
            if closing {
                guard j < chars.count, chars[j] == ">" else { throw fail("malformed closing tag </\(name)") }
                guard stack.last == name else { throw fail("</\(name)> closes <\(stack.last ?? "nothing")>") }
                stack.removeLast()
                i = j + 1
                continue
            }
            // Attributes: name="value" pairs, then '>' or '/>'.
            var selfClosing = false
            while true {
                while j < chars.count, chars[j] == " " || chars[j] == "\n" || chars[j] == "\t" { j += 1 }
                guard j < chars.count else { throw fail("unclosed tag <\(name)") }
                if chars[j] == ">" { j += 1; break }
                if chars[j] == "/" {
                    guard j + 1 < chars.count, chars[j + 1] == ">" else { throw fail("stray '/' in <\(name)>") }
                    selfClosing = true; j += 2; break
                }
                let attrStart = j
                while j < chars.count, chars[j] != "=", chars[j] != " ", chars[j] != ">" { j += 1 }
                guard j > attrStart, j < chars.count, chars[j] == "=", j + 1 < chars.count, chars[j + 1] == "\"" else {
                    throw fail("unquoted or valueless attribute in <\(name)>")
                }
                let valueStart = j + 2
                guard let valueEnd = chars[valueStart...].firstIndex(of: "\"") else { throw fail("unclosed attribute value") }
                try checkEntities(chars[valueStart..<valueEnd], at: valueStart)
                j = valueEnd + 1
            }
            opened.append(name)
            if !selfClosing { stack.append(name) }
            i = j
        }
        guard stack.isEmpty else { throw Problem(offset: chars.count, message: "unclosed elements: \(stack.joined(separator: ", "))") }
        return opened
    }
}
