import Foundation
import QadamData

/// What an existing, possibly interrupted, audit output already holds.
struct AuditOutputScan: Equatable {
    /// Bytes to keep: everything up to the end of the last complete row (0: start afresh).
    var keptLength: Int
    /// Complete data rows in the kept part.
    var rowCount: Int
    /// The id on the last complete row, if any.
    var lastID: String?
    /// Whether the kept part already starts with the header.
    var hasHeader: Bool

    /// Reads `bytes` written by an earlier run with the same format and columns. A last record
    /// without its newline is treated as cut off mid-write and not kept; a different header or
    /// an unreadable complete row means the file is not ours to append to.
    static func scan(_ bytes: [UInt8], encoder: AuditLineEncoder, file: String) throws -> AuditOutputScan {
        switch encoder.format {
        case .csv: return try scanCSV(bytes, encoder: encoder, file: file)
        case .geojsonl: return try scanLines(bytes, encoder: encoder, file: file)
        }
    }

    private static func scanCSV(_ bytes: [UInt8], encoder: AuditLineEncoder, file: String) throws -> AuditOutputScan {
        let records: [CSVRecordParser.Record]
        do { records = try CSVRecordParser.records(in: bytes) } catch let error as CSVRecordParser.SyntaxError {
            throw AuditError.cannotResume(file: file, reason: "line \(error.line): \(error.message)")
        }
        let complete = records.filter(\.isTerminated)
        guard let header = complete.first else { return AuditOutputScan(keptLength: 0, rowCount: 0, lastID: nil, hasHeader: false) }
        let expected = try CSVRecordParser.records(in: Array(encoder.header!.utf8))[0].fields
        guard header.fields == expected else {
            throw AuditError.cannotResume(file: file, reason: "its header (\(header.fields.joined(separator: ","))) differs from this audit's (\(expected.joined(separator: ",")))")
        }
        let rows = complete.dropFirst()
        return AuditOutputScan(keptLength: complete.last!.endOffset, rowCount: rows.count,
                               lastID: rows.last?.fields.first, hasHeader: true)
    }

    private static func scanLines(_ bytes: [UInt8], encoder: AuditLineEncoder, file: String) throws -> AuditOutputScan {
        let newline = UInt8(ascii: "\n")
        var rowCount = 0
        var lastLineStart = 0, keptLength = 0
        for (offset, byte) in bytes.enumerated() where byte == newline {
            lastLineStart = keptLength
            keptLength = offset + 1
            rowCount += 1
        }
        guard rowCount > 0 else { return AuditOutputScan(keptLength: 0, rowCount: 0, lastID: nil, hasHeader: false) }
        guard let lastID = encoder.id(ofLine: Array(bytes[lastLineStart..<keptLength])) else {
            throw AuditError.cannotResume(file: file, reason: "line \(rowCount) is not an audit Feature with properties.id")
        }
        return AuditOutputScan(keptLength: keptLength, rowCount: rowCount, lastID: lastID, hasHeader: false)
    }
}
