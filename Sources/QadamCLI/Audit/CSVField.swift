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
        func special(_ b: UInt8) -> Bool { b == UInt8(ascii: ",") || b == UInt8(ascii: "\"") || b == 0x0A || b == 0x0D }
        // Over the contiguous bytes of a native string (all of ours): the generic walk over
        // `utf8` was a twentieth of `qadam audit`.
        return s.utf8.withContiguousStorageIfAvailable { $0.contains(where: special) } ?? s.utf8.contains(where: special)
    }
}
