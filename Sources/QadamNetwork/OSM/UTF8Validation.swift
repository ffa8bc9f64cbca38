import Foundation

/// Finds the first byte of a file that is not valid UTF-8, reading it in chunks.
///
/// OSM XML is UTF-8 by definition, and FoundationXML traps (SIGILL) on an element or attribute
/// name that is not (found by fuzzing: one byte 0xE5 in `user=`), so the XML reader checks the
/// file first and turns such a file into a located error instead of a crash.
enum UTF8Validation {
    struct Invalid: Equatable {
        /// 0-based byte offset of the bad sequence, and its 1-based line.
        var offset: Int
        var line: Int
    }

    static func firstInvalid(in url: URL, chunkSize: Int = 1 << 20) throws -> Invalid? {
        let handle = try FileHandle(forReadingFrom: url)
        defer { try? handle.close() }
        var carry: [UInt8] = []
        var consumed = 0, line = 1
        while true {
            let chunk = try handle.read(upToCount: chunkSize) ?? Data()
            let atEnd = chunk.isEmpty
            let bytes = carry + chunk
            var parser = Unicode.UTF8.ForwardParser()
            var iterator = bytes.makeIterator()
            var offset = 0
            scan: while true {
                switch parser.parseScalar(from: &iterator) {
                case .valid(let scalar):
                    if scalar.count == 1, scalar.first == UInt8(ascii: "\n") { line += 1 }
                    offset += scalar.count
                case .emptyInput:
                    break scan
                case .error(let length):
                    // A sequence cut by the chunk's end is completed by the next chunk.
                    if !atEnd, offset + length == bytes.count, length < 4 { break scan }
                    return Invalid(offset: consumed + offset, line: line)
                }
            }
            carry = Array(bytes[offset...])
            consumed += offset
            if atEnd { return carry.isEmpty ? nil : Invalid(offset: consumed, line: line) }
        }
    }
}
