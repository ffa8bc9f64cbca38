import Foundation
import QadamGeo
import Testing
@testable import QadamCLI

@Suite struct AuditResumeTests {
    /// Cuts an uninterrupted run's file at many places (inside the header, mid-row, inside a
    /// quoted multi-line CSV field, exactly on a row boundary) and resumes each: the final
    /// file must be byte-identical.
    @Test(arguments: AuditFormat.allCases)
    func resumeAfterACutGivesTheUninterruptedFile(format: AuditFormat) throws {
        let origins = AuditFixtures.origins(3_000)
        let (_, full) = try AuditFixtures.run(origins, to: AuditFixtures.scratchFile("full"), format: format)
        let bytes = [UInt8](full)
        var rng = SplitMix64(seed: 2024)
        var cuts = [0, 1, 10, bytes.count - 1, bytes.count]
        cuts += (0..<8).map { _ in Int.random(in: 0..<bytes.count, using: &rng) }
        // Exactly after a newline, and right after the newline inside a quoted note.
        cuts.append(bytes.firstIndex(of: UInt8(ascii: "\n"))! + 1)
        if let quoted = full.range(of: Data("\"very\"\"\n".utf8)) { cuts.append(quoted.upperBound) }
        for cut in cuts {
            let url = AuditFixtures.scratchFile("partial")
            try Data(bytes[0..<cut]).write(to: url)
            let (outcome, resumed) = try AuditFixtures.run(origins, to: url, format: format, resume: true)
            #expect(resumed == full, "cut at \(cut) of \(bytes.count)")
            if case .completed = outcome {} else { Issue.record("cut at \(cut): \(outcome)") }
        }
    }

    @Test(arguments: AuditFormat.allCases)
    func interruptStopsAfterTheCurrentRowAndResumes(format: AuditFormat) throws {
        let origins = AuditFixtures.origins(2_000)
        let (_, full) = try AuditFixtures.run(origins, to: AuditFixtures.scratchFile("full"), format: format)
        let url = AuditFixtures.scratchFile("partial")
        let flag = InterruptFlag()
        var chunks = 0
        let (outcome, partial) = try AuditFixtures.run(origins, to: url, format: format, chunkSize: 100, interrupt: flag) { chunk in
            chunks += 1
            if chunks == 4 { flag.raise() } // Ctrl-C while the 4th chunk computes
            return AuditFixtures.compute(chunk)
        }
        #expect(outcome == .interrupted(rowsWritten: 301), "stops after the first row written after the interrupt")
        #expect(outcome.exitCode == 130)
        #expect(partial.last == UInt8(ascii: "\n"))
        #expect(full.starts(with: partial))
        let (resumedOutcome, resumed) = try AuditFixtures.run(origins, to: url, format: format, resume: true)
        #expect(resumed == full)
        #expect(resumedOutcome == .completed(rowsWritten: 2_000 - 301, errorRows: AuditFixtures.expectedBadCount(2_000) - AuditFixtures.expectedBadCount(301)))
    }

    @Test func realSIGINTRaisesTheFlag() throws {
        let flag = InterruptFlag.installed()
        let origins = AuditFixtures.origins(500)
        let url = AuditFixtures.scratchFile("sigint.csv")
        let (outcome, _) = try AuditFixtures.run(origins, to: url, format: .csv, chunkSize: 50, interrupt: flag) { chunk in
            if chunk.first?.id == "b100" {
                kill(getpid(), SIGINT)
                // Delivery is asynchronous (a dispatch source); wait for it rather than race it.
                let deadline = Date().addingTimeInterval(30)
                while !flag.isRaised, Date() < deadline { usleep(1_000) }
            }
            return AuditFixtures.compute(chunk)
        }
        #expect(flag.isRaised)
        guard case .interrupted(let written) = outcome else { Issue.record("not interrupted: \(outcome)"); return }
        #expect(written == 101)
    }

    @Test func resumingOverAnotherAuditsFileIsRefused() throws {
        let url = AuditFixtures.scratchFile("other.csv")
        try AuditFixtures.run(AuditFixtures.origins(50), to: url, format: .csv)
        let others = AuditFixtures.origins(100).map { AuditOrigin(id: "x" + $0.id, lon: $0.lon, lat: $0.lat) }
        #expect(throws: AuditError.self) { try AuditFixtures.run(others, to: url, format: .csv, resume: true) }
        #expect(throws: AuditError.self) { try AuditFixtures.run(Array(AuditFixtures.origins(20)), to: url, format: .csv, resume: true) }
        try Data("id,other,header\n".utf8).write(to: url)
        #expect(throws: AuditError.self) { try AuditFixtures.run(AuditFixtures.origins(5), to: url, format: .csv, resume: true) }
        try Data("not json\n".utf8).write(to: url)
        #expect(throws: AuditError.self) { try AuditFixtures.run(AuditFixtures.origins(5), to: url, format: .geojsonl, resume: true) }
    }

    @Test func resumeOfAMissingFileStartsAfresh() throws {
        let url = AuditFixtures.scratchFile("new.csv")
        let (_, fresh) = try AuditFixtures.run(AuditFixtures.origins(30), to: url, format: .csv, resume: true)
        let (_, again) = try AuditFixtures.run(AuditFixtures.origins(30), to: AuditFixtures.scratchFile("b.csv"), format: .csv)
        #expect(fresh == again)
    }
}
