import Foundation
@testable import QadamCLI

/// Shared fixtures for the audit tests: a scratch directory, realistic origins with a known
/// set of bad ones, and a deterministic computation standing in for the daemon.
enum AuditFixtures {
    static let columns = ["nearest_school_m", "note"]

    static func scratchFile(_ name: String) -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("qadam-audit-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir.appendingPathComponent(name)
    }

    /// `count` origins around Almaty; every 97th has NaN lon, every 101st lon 200, every 211th lat -95.
    static func origins(_ count: Int) -> [AuditOrigin] {
        (0..<count).map { i in
            var lon = 76.8 + Double(i % 100) * 0.003, lat = 43.15 + Double(i / 100) * 0.001
            if i % 97 == 13 { lon = .nan }
            if i % 101 == 50 { lon = 200 }
            if i % 211 == 7 { lat = -95 }
            return AuditOrigin(id: "b\(i)", lon: lon, lat: lat)
        }
    }

    static func expectedBadCount(_ count: Int) -> Int {
        (0..<count).filter { $0 % 97 == 13 || $0 % 101 == 50 || $0 % 211 == 7 }.count
    }

    /// Straight-line metres to a school at the centre, plus a note with the characters that
    /// stress CSV quoting (commas, quotes, a newline) on some rows.
    static func compute(_ chunk: [AuditOrigin]) -> [AuditRow] {
        chunk.map { origin in
            let dx = (origin.lon - 76.95) * 111_320 * cos(origin.lat * .pi / 180), dy = (origin.lat - 43.2) * 110_540
            let note: TabularValue = origin.id.hasSuffix("3") ? .text("far, \"very\"\nfar") : origin.id.hasSuffix("5") ? .missing : "ok"
            return AuditRow(origin: origin, values: [.double((dx * dx + dy * dy).squareRoot(), digits: 0, unit: " m"), note])
        }
    }

    /// Runs a whole audit into `url` and returns the file's bytes.
    @discardableResult
    static func run(_ origins: [AuditOrigin], to url: URL, format: AuditFormat, resume: Bool = false,
                    chunkSize: Int = 256, interrupt: InterruptFlag? = nil,
                    compute: ([AuditOrigin]) throws -> [AuditRow] = compute) throws -> (AuditOutcome, Data) {
        let writer = try AuditWriter(destination: .file(url), format: format, columns: columns, resume: resume)
        let outcome = try AuditDriver(columns: columns, chunkSize: chunkSize)
            .run(origins: origins, writer: writer, interrupt: interrupt, compute: compute)
        try writer.close()
        return (outcome, try Data(contentsOf: url))
    }
}
