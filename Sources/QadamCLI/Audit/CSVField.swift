/// Quoting of one CSV field (RFC 4180), for every CSV the CLI writes.
///
/// Checks Unicode scalars, not Characters: in Swift "\r\n" is a single Character equal to
/// neither "\r" nor "\n", so a Character test lets a CRLF inside a value through unquoted and
/// splits the row.
enum CSVField {
    static func quoted(_ s: String) -> String {
        let needsQuotes = s.unicodeScalars.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }
        return needsQuotes ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
    }
}
