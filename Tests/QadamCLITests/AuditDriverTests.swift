import Foundation
import QadamData
import Testing
@testable import QadamCLI

@Suite struct AuditDriverTests {
    @Test(arguments: AuditFormat.allCases)
    func tenThousandOriginsGiveOneRowEachWithReasonsForBadOnes(format: AuditFormat) throws {
        let origins = AuditFixtures.origins(10_000)
        let bad = AuditFixtures.expectedBadCount(10_000)
        #expect(bad > 200)
        var chunkSizes: [Int] = []
        let url = AuditFixtures.scratchFile("out.\(format.rawValue)")
        let (outcome, data) = try AuditFixtures.run(origins, to: url, format: format, chunkSize: 500) { chunk in
            #expect(chunk.allSatisfy { $0.problem == nil }, "bad origins never reach the computation")
            chunkSizes.append(chunk.count)
            return AuditFixtures.compute(chunk)
        }
        #expect(outcome == .completed(rowsWritten: 10_000, errorRows: bad))
        #expect(outcome.exitCode == 0)
        #expect(chunkSizes.count == 20 && chunkSizes.allSatisfy { $0 <= 500 })
        #expect(chunkSizes.reduce(0, +) == 10_000 - bad)

        let rows = try parse(data, format: format)
        #expect(rows.map(\.id) == origins.map(\.id), "one row per origin, in input order")
        let errors = rows.filter { $0.error != nil }
        #expect(errors.count == bad)
        for row in errors {
            let i = Int(row.id.dropFirst())!
            if i % 101 == 50 { #expect(row.error!.contains("lon 200.0 is outside")) }
            else if i % 97 == 13 { #expect(row.error!.contains("not a number")) }
            else { #expect(row.error!.contains("lat -95.0 is outside")) }
            #expect(row.distance == nil)
        }
        #expect(rows.filter { $0.error == nil }.allSatisfy { $0.distance != nil })
    }

    /// Chunks started ahead are collected in order, never more than `chunksAhead` beyond the one
    /// being written, and the file is byte for byte the one computed chunk by chunk.
    @Test(arguments: [0, 1, 2, 5])
    func chunksStartedAheadAreWrittenInOrder(chunksAhead: Int) throws {
        let origins = AuditFixtures.origins(3_000)
        let (_, expected) = try AuditFixtures.run(origins, to: AuditFixtures.scratchFile("sync.csv"), format: .csv)
        let url = AuditFixtures.scratchFile("ahead\(chunksAhead).csv")
        let writer = try AuditWriter(destination: .file(url), format: .csv, columns: AuditFixtures.columns)
        var startedCount = 0, collectedCount = 0, mostOutstanding = 0
        let outcome = try AuditDriver(columns: AuditFixtures.columns, chunkSize: 256)
            .run(origins: origins, writer: writer, chunksAhead: chunksAhead) { chunk in
                startedCount += 1
                mostOutstanding = max(mostOutstanding, startedCount - collectedCount)
                let started = startedCount
                return {
                    collectedCount += 1
                    #expect(collectedCount == started, "chunk \(started) collected as number \(collectedCount)")
                    return AuditFixtures.compute(chunk)
                }
            }
        try writer.close()
        #expect(outcome == .completed(rowsWritten: 3_000, errorRows: AuditFixtures.expectedBadCount(3_000)))
        #expect(startedCount == 12 && mostOutstanding == min(chunksAhead + 1, 12))
        #expect(try Data(contentsOf: url) == expected)
    }

    /// Parses output with independent means: JSONSerialization per line, and for CSV a check
    /// that every record has the header's field count.
    private func parse(_ data: Data, format: AuditFormat) throws -> [(id: String, error: String?, distance: Double?)] {
        switch format {
        case .csv:
            let records = try CSVRecordParser.records(in: [UInt8](data))
            #expect(records.allSatisfy { $0.isTerminated })
            let header = try #require(records.first)
            #expect(header.fields == ["id", "lon", "lat", "nearest_school_m", "note", "error"])
            #expect(records.allSatisfy { $0.fields.count == header.fields.count })
            #expect(records.contains { $0.fields[4] == "far, \"very\"\nfar" })
            return records.dropFirst().map { ($0.fields[0], $0.fields[5].isEmpty ? nil : $0.fields[5], Double($0.fields[3])) }
        case .geojsonl:
            let lines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            #expect(lines.last == "")
            return try lines.dropLast().map { line in
                let feature = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
                #expect(feature["type"] as? String == "Feature")
                let properties = try #require(feature["properties"] as? [String: Any])
                let error = properties["error"] as? String
                if error == nil {
                    let geometry = try #require(feature["geometry"] as? [String: Any])
                    #expect(geometry["type"] as? String == "Point")
                } else {
                    #expect(feature["geometry"] is NSNull)
                }
                return (properties["id"] as! String, error, (properties["nearest_school_m"] as? NSNumber)?.doubleValue)
            }
        }
    }

    @Test func computationBreakingItsContractIsReported() throws {
        let origins = AuditFixtures.origins(10)
        #expect(throws: AuditError.self) {
            try AuditFixtures.run(origins, to: AuditFixtures.scratchFile("a.csv"), format: .csv) { Array(AuditFixtures.compute($0).dropLast()) }
        }
        #expect(throws: AuditError.self) {
            try AuditFixtures.run(origins, to: AuditFixtures.scratchFile("b.csv"), format: .csv) { Array(AuditFixtures.compute($0).reversed()) }
        }
        #expect(throws: AuditError.self) {
            try AuditFixtures.run(origins, to: AuditFixtures.scratchFile("c.csv"), format: .csv) { $0.map { AuditRow(origin: $0, values: []) } }
        }
    }

    @Test func stdoutCannotBeResumed() {
        #expect(throws: AuditError.resumeNeedsFile) {
            _ = try AuditWriter(destination: .standardOutput, format: .csv, columns: [], resume: true)
        }
    }
}
