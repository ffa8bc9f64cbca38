import DequeModule

/// How an audit run ended.
public enum AuditOutcome: Equatable, Sendable {
    /// Every origin has a row; `errorRows` of them are error rows.
    case completed(rowsWritten: Int, errorRows: Int)
    /// Stopped by an interrupt after `rowsWritten` rows in this run; the file can be resumed.
    case interrupted(rowsWritten: Int)

    /// 0 when completed, 130 (128 + SIGINT, the shell convention) when interrupted.
    public var exitCode: Int32 {
        switch self {
        case .completed: return 0
        case .interrupted: return 130
        }
    }
}

/// Runs an audit: feeds origins in chunks to a computation, writes one row per origin in input
/// order, turns unusable origins into error rows, and stops cleanly on interrupt.
///
/// The computation gets a whole chunk of usable origins at once, so the daemon can answer them
/// with one many-to-many query instead of one query per origin.
public struct AuditDriver {
    public var columns: [String]
    public var chunkSize: Int

    public init(columns: [String], chunkSize: Int = 1024) {
        precondition(chunkSize > 0, "chunkSize must be positive")
        self.columns = columns
        self.chunkSize = chunkSize
    }

    /// - Parameters:
    ///   - origins: all origins, in the order rows are written.
    ///   - writer: opened with `resume` if the run continues an earlier one; the origins already
    ///     in its file are skipped (their ids must match, or the file came from other origins).
    ///   - compute: given the usable origins of a chunk, returns one row per origin, same order.
    public func run(origins: [AuditOrigin], writer: any AuditSink, progress: ProgressReporter? = nil,
                    interrupt: InterruptFlag? = nil,
                    compute: ([AuditOrigin]) throws -> [AuditRow]) throws -> AuditOutcome {
        try withoutActuallyEscaping(compute) { compute in
            try run(origins: origins, writer: writer, progress: progress, interrupt: interrupt) { chunk in { try compute(chunk) } }
        }
    }

    /// `run` with chunks started ahead: `start` is given chunks k+1...k+`chunksAhead` before
    /// chunk k's rows are collected and written, and returns how to collect them. A daemon then
    /// computes the next chunks (on as many workers as it has) while this process parses and
    /// writes the current one, instead of each side waiting for the other.
    public func run(origins: [AuditOrigin], writer: any AuditSink, progress: ProgressReporter? = nil,
                    interrupt: InterruptFlag? = nil, chunksAhead: Int = 2,
                    start: ([AuditOrigin]) throws -> () throws -> [AuditRow]) throws -> AuditOutcome {
        let skipped = try resumePosition(origins: origins, writer: writer)
        progress?.start(alreadyDone: skipped)
        defer { progress?.finish() }
        var written = 0, errors = 0
        typealias Started = (chunk: ArraySlice<AuditOrigin>, usable: Int, rows: () throws -> [AuditRow])
        var started: Deque<Started> = []
        var nextStart = skipped
        func startAhead(keeping count: Int) throws {
            while started.count < count, nextStart < origins.count {
                let chunk = origins[nextStart..<min(nextStart + chunkSize, origins.count)]
                let usable = chunk.filter { $0.problem == nil }
                started.append((chunk, usable.count, usable.isEmpty ? { [] } : try start(usable)))
                nextStart = chunk.endIndex
            }
        }
        while true {
            try startAhead(keeping: 1)
            guard let (chunk, usableCount, rows) = started.popFirst() else { break }
            try startAhead(keeping: chunksAhead)
            var computed = try rows()[...]
            guard computed.count == usableCount else {
                throw AuditError.badRows(reason: "\(computed.count) rows for \(usableCount) origins")
            }
            for origin in chunk {
                let row: AuditRow
                if let problem = origin.problem {
                    row = AuditRow(origin: origin, error: problem, columnCount: columns.count)
                } else {
                    row = computed.removeFirst()
                    guard row.id == origin.id else {
                        throw AuditError.badRows(reason: "row '\(row.id)' where origin '\(origin.id)' was expected")
                    }
                }
                try writer.write(row)
                written += 1
                if row.error != nil { errors += 1 }
                progress?.update(done: skipped + written)
                if interrupt?.isRaised == true {
                    try writer.flush()
                    return .interrupted(rowsWritten: written)
                }
            }
        }
        try writer.flush()
        return .completed(rowsWritten: written, errorRows: errors)
    }

    /// How many origins the writer's existing file already covers, checked against their ids.
    private func resumePosition(origins: [AuditOrigin], writer: any AuditSink) throws -> Int {
        let done = writer.resumedRowCount
        guard done > 0 else { return 0 }
        let file = writer.destinationName
        guard done <= origins.count else {
            throw AuditError.cannotResume(file: file, reason: "it has \(done) rows but there are only \(origins.count) origins")
        }
        let expected = origins[done - 1].id
        guard writer.resumedLastID == expected else {
            throw AuditError.cannotResume(file: file, reason: "its row \(done) is '\(writer.resumedLastID ?? "")' but origin \(done) is '\(expected)' (was it written from other origins?)")
        }
        return done
    }
}
