import Foundation
import Logging

/// Log lines are handed to one writer thread through a bounded queue, so a stalled stderr (a
/// full pipe, a slow journald) never stalls an event loop or a worker: when the queue is full
/// the line is dropped and counted (`stats.log_lines_dropped`) instead of blocking.
final class LogQueue: @unchecked Sendable {
    static let shared = LogQueue(capacity: 10_000)

    private let condition = NSCondition()
    private var lines: [String] = []
    private var writing = false
    private var droppedCount = 0
    let capacity: Int

    init(capacity: Int) {
        self.capacity = capacity
        let thread = Thread { [unowned self] in self.drain() }
        thread.name = "qadamd-log"
        thread.start()
    }

    /// Lines dropped because the queue was full.
    var dropped: Int { condition.withLock { droppedCount } }

    func enqueue(_ line: String) {
        condition.withLock {
            guard lines.count < capacity else { droppedCount += 1; return }
            lines.append(line)
            condition.signal()
        }
    }

    /// Waits (at most `timeout`) until every queued line is written: for exit, so the last
    /// lines ("stopped") are not lost.
    func flush(timeout: TimeInterval = 2) {
        let deadline = Date().addingTimeInterval(timeout)
        condition.withLock {
            while !lines.isEmpty || writing {
                guard condition.wait(until: deadline) else { return }
            }
        }
    }

    private func drain() {
        while true {
            let batch: [String] = condition.withLock {
                while lines.isEmpty { condition.wait() }
                defer { lines.removeAll(keepingCapacity: true) }
                writing = true
                return lines
            }
            let text = batch.joined()
            text.utf8CString.withUnsafeBufferPointer { buffer in
                var offset = 0
                let count = buffer.count - 1 // without the terminating NUL
                buffer.baseAddress!.withMemoryRebound(to: UInt8.self, capacity: count) { bytes in
                    while offset < count {
                        let n = write(STDERR_FILENO, bytes + offset, count - offset)
                        if n <= 0 { if errno == EINTR { continue } else { break } }
                        offset += n
                    }
                }
            }
            condition.withLock {
                writing = false
                condition.broadcast()
            }
        }
    }
}

/// A swift-log handler that formats a line and queues it (`LogQueue`). Under systemd
/// (`JOURNAL_STREAM` set) each line starts with its syslog priority, `<3>` for errors, so
/// `journalctl -p warning` can filter the daemon's stderr.
struct QueuedLogHandler: LogHandler {
    let label: String
    let journal: Bool
    let queue: LogQueue
    var logLevel: Logger.Level = .info
    var metadata: Logger.Metadata = [:]

    init(label: String, queue: LogQueue = .shared, environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.label = label
        self.queue = queue
        journal = environment["JOURNAL_STREAM"] != nil
    }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        queue.enqueue(Self.format(level: event.level, label: label, message: event.message,
                                  metadata: metadata.merging(event.metadata ?? [:]) { _, new in new },
                                  journal: journal, at: Date()))
    }

    /// `2026-12-01T07:40:00Z info qadamd: message key=value ...`, keys sorted.
    static func format(level: Logger.Level, label: String, message: Logger.Message, metadata: Logger.Metadata,
                       journal: Bool, at date: Date) -> String {
        var line = journal ? "<\(priority(level))>" : ""
        line += "\(date.formatted(.iso8601)) \(level) \(label): \(message)"
        for key in metadata.keys.sorted() { line += " \(key)=\(metadata[key]!)" }
        return line + "\n"
    }

    /// syslog priorities (sd-daemon(3)): debug 7, info 6, notice 5, warning 4, error 3, critical 2.
    static func priority(_ level: Logger.Level) -> Int {
        switch level {
        case .trace, .debug: 7
        case .info: 6
        case .notice: 5
        case .warning: 4
        case .error: 3
        case .critical: 2
        }
    }
}
