/// Quoting of one CSV field for the audit writer.
///
/// Checks Unicode scalars, not Characters: in Swift "\r\n" is a single Character equal to
/// neither "\r" nor "\n", so a Character test lets a CRLF inside a value through unquoted and
/// splits the row. (`Tabular.csvField` in OutputFormat.swift has that gap.)
enum CSVField {
    static func quoted(_ s: String) -> String {
        let needsQuotes = s.unicodeScalars.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }
        return needsQuotes ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
    }
}
