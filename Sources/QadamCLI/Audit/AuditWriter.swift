import Foundation

/// Streams audit rows to a file or standard output as CSV or GeoJSON Lines, in the order given.
///
/// Rows are buffered and written in blocks; every block ends on a row boundary, so a killed
/// run leaves at worst one cut-off last line, which `resume` drops and writes again. With
/// `resume`, an existing file is kept up to its last complete row and the writer reports how
/// many rows (and which last id) are already there, so the caller can skip those origins.
public final class AuditWriter: AuditSink {
    public enum Destination: Sendable, Equatable {
        case file(URL)
        case standardOutput

        var name: String {
            switch self {
            case .file(let url): return url.path
            case .standardOutput: return "standard output"
            }
        }
    }

    /// Rows already in the file when resuming (0 for a fresh run).
    public let resumedRowCount: Int
    /// The id on the last row already in the file, when resuming over a non-empty file.
    public let resumedLastID: String?
    public let columns: [String]

    private let handle: FileHandle
    public let destination: Destination
    private let encoder: AuditLineEncoder
    private var buffer: [UInt8] = []
    /// Large enough to make writes cheap, small enough that an interrupt loses little.
    private let blockSize = 64 * 1024

    public init(destination: Destination, format: AuditFormat, columns: [String], resume: Bool = false) throws {
        self.destination = destination
        self.columns = columns
        self.encoder = AuditLineEncoder(format: format, columns: columns)
        var scan = AuditOutputScan(keptLength: 0, rowCount: 0, lastID: nil, hasHeader: false)
        switch destination {
        case .standardOutput:
            if resume { throw AuditError.resumeNeedsFile }
            handle = FileHandle.standardOutput
        case .file(let url):
            let path = url.path
            if resume, FileManager.default.fileExists(atPath: path) {
                let existing: Data
                do { existing = try Data(contentsOf: url) } catch {
                    throw AuditError.cannotResume(file: path, reason: error.localizedDescription)
                }
                scan = try AuditOutputScan.scan([UInt8](existing), encoder: encoder, file: path)
            } else if !FileManager.default.createFile(atPath: path, contents: nil) {
                throw AuditError.cannotOpen(file: path, reason: "cannot create the file")
            }
            do {
                handle = try FileHandle(forWritingTo: url)
                try handle.truncate(atOffset: UInt64(scan.keptLength))
                try handle.seekToEnd()
            } catch {
                throw AuditError.cannotOpen(file: path, reason: error.localizedDescription)
            }
        }
        resumedRowCount = scan.rowCount
        resumedLastID = scan.lastID
        if !scan.hasHeader, let header = encoder.header { buffer.append(contentsOf: header.utf8) }
    }

    public func write(_ row: AuditRow) throws {
        guard row.values.count == columns.count else {
            throw AuditError.badRows(reason: "row '\(row.id)' has \(row.values.count) values for \(columns.count) columns")
        }
        encoder.append(row, to: &buffer)
        if buffer.count >= blockSize { try flush() }
    }

    /// Writes out everything buffered; the file then ends on a complete row.
    public func flush() throws {
        guard !buffer.isEmpty else { return }
        do { try handle.write(contentsOf: buffer) } catch {
            throw AuditError.cannotWrite(file: destination.name, reason: error.localizedDescription)
        }
        buffer.removeAll(keepingCapacity: true)
    }

    public var destinationName: String { destination.name }

    /// Flushes and, for a file, closes it. Standard output is left open for the process.
    public func close() throws {
        try flush()
        if case .file = destination { try? handle.close() }
    }
}
