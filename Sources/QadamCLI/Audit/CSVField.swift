/// Quoting of one CSV field (RFC 4180), for every CSV the CLI writes.
///
/// Checks bytes, not Characters: in Swift "\r\n" is a single Character equal to neither "\r"
/// nor "\n", so a Character test lets a CRLF inside a value through unquoted and splits the row.
/// (The four bytes checked are ASCII, which never occur inside a UTF-8 multi-byte sequence.)
enum CSVField {
    static func quoted(_ s: String) -> String {
        var out = ""
        append(s, to: &out)
        return out
    }

    /// Appends the field to a line being built, quoted when it must be.
    static func append(_ s: String, to line: inout String) {
        let needsQuotes = s.utf8.contains { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D }
        guard needsQuotes else {
            line += s
            return
        }
        line += "\""
        line += s.replacingOccurrences(of: "\"", with: "\"\"")
        line += "\""
    }
}
