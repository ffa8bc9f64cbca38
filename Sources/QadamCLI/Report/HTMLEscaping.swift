/// Escaping for text and attribute values in the report's HTML and inline SVG.
///
/// One function for both places: escaping quotes in text is harmless, and forgetting them in an
/// attribute is a bug, so everything goes through the stricter rule. Control characters that
/// XML forbids are replaced, so the inline SVG stays well-formed whatever a district is called.
enum HTMLEscaping {
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            case _ where scalar.value < 0x20 || (0xFFFE...0xFFFF).contains(scalar.value):
                out += "\u{FFFD}"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
