/// Quoting of one CSV field (RFC 4180), for every CSV the CLI writes.
///
/// Checks bytes, not Characters: in Swift "\r\n" is a single Character equal to neither "\r"
/// nor "\n", so a Character test lets a CRLF inside a value through unquoted and splits the row.
/// (The four bytes checked are ASCII, which never occur inside a UTF-8 multi-byte sequence.)
enum CSVField {
    static func quoted(_ s: String) -> String {
        var out: [UInt8] = []
        append(s, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends the field to a line being built (UTF-8 bytes), quoted when it must be.
    static func append(_ s: String, to line: inout [UInt8]) {
        guard needsQuotes(s) else {
            line.append(contentsOf: s.utf8)
            return
        }
        line.append(UInt8(ascii: "\""))
        for byte in s.utf8 {
            if byte == UInt8(ascii: "\"") { line.append(byte) }
            line.append(byte)
        }
        line.append(UInt8(ascii: "\""))
    }

    private static func needsQuotes(_ s: String) -> Bool {
        s.utf8.contains { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D }
    }
}
