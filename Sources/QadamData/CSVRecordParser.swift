/// RFC 4180 records with the byte offset where each ends, so a reader can tell a complete
/// record from one cut off mid-write (the audit's resume case) and point at the line of a
/// broken one. Every CSV Qadam reads goes through it: layer imports, fact tables, audit origins
/// and audit output.
///
/// Quoted fields may hold commas, doubled quotes and newlines; a record ends at an unquoted
/// `\n` (a preceding `\r` is dropped). A leading UTF-8 byte-order mark is skipped.
public struct CSVRecordParser {
    public struct Record: Equatable, Sendable {
        public var fields: [String]
        /// 1-based line where the record starts (quoted newlines make records span lines).
        public var line: Int
        /// Offset just past the record's terminating `\n`, or the end of input if unterminated.
        public var endOffset: Int
        /// False for a last record without its `\n`: it may have been cut off mid-write.
        public var isTerminated: Bool
        /// True when the input ended inside a quoted field (a broken file, or a cut-off write).
        public var endsInsideQuote: Bool
    }

    public struct SyntaxError: Error, Equatable, Sendable {
        public var line: Int
        public var message: String
    }

    /// Parses all records. A final record cut inside a quoted field is returned unterminated
    /// (the caller decides whether that is a broken file or an interrupted write).
    public static func records(in bytes: [UInt8]) throws -> [Record] {
        var records: [Record] = []
        var index = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        var line = 1
        while index < bytes.count {
            let startLine = line
            var fields: [String] = []
            var field: [UInt8] = []
            var terminated = false
            var fieldStart = true
            var quoted = false
            recordLoop: while index < bytes.count {
                let byte = bytes[index]
                index += 1
                if quoted {
                    if byte == UInt8(ascii: "\"") {
                        if index < bytes.count, bytes[index] == UInt8(ascii: "\"") {
                            field.append(byte); index += 1
                        } else {
                            quoted = false
                            if index < bytes.count, ![UInt8(ascii: ","), UInt8(ascii: "\n"), UInt8(ascii: "\r")].contains(bytes[index]) {
                                throw SyntaxError(line: line, message: "unexpected character after a closing quote")
                            }
                        }
                    } else {
                        if byte == UInt8(ascii: "\n") { line += 1 }
                        field.append(byte)
                    }
                    continue
                }
                switch byte {
                case UInt8(ascii: "\"") where fieldStart:
                    quoted = true
                case UInt8(ascii: "\""):
                    throw SyntaxError(line: line, message: "a quote inside an unquoted field (quote the whole field and double the quote)")
                case UInt8(ascii: ","):
                    fields.append(String(decoding: field, as: UTF8.self)); field = []
                    fieldStart = true
                    continue recordLoop
                case UInt8(ascii: "\r") where index < bytes.count && bytes[index] == UInt8(ascii: "\n"):
                    continue recordLoop // CRLF: the "\n" ends the record
                case UInt8(ascii: "\n"):
                    line += 1
                    terminated = true
                    break recordLoop
                default:
                    field.append(byte)
                }
                fieldStart = false
            }
            fields.append(String(decoding: field, as: UTF8.self))
            records.append(Record(fields: fields, line: startLine, endOffset: index, isTerminated: terminated,
                                  endsInsideQuote: quoted))
        }
        return records
    }
}
