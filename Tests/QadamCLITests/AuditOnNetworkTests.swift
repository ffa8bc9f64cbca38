import Foundation
import QadamGeo
import TestSupport
import Testing

/// `qadam audit --origins` on a dataset with a street network answers from the same facility
/// index as `nearest`: every row's distance and facility equal what `nearest` says for that
/// point, and points off the network become error rows.
@Suite("Audits over a street network")
struct AuditOnNetworkTests {
    @Test func auditRowsEqualNearestAnswers() throws {
        let directory = try DatasetFixture.scratchDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let dataset = directory + "/net.qadam"
        try DatasetFixture.write(to: dataset, withNetwork: true)
        let box = DatasetFixture.networkCity.boundingBox
        var rng = SplitMix64(seed: 3)
        var points = (0..<25).map { _ in (Double.random(in: box.minX...box.maxX, using: &rng), Double.random(in: box.minY...box.maxY, using: &rng)) }
        points.append((box.maxX + 0.05, box.maxY + 0.05)) // several km off the streets
        let origins = directory + "/origins.csv"
        try Data((["id,lon,lat"] + points.enumerated().map { "p\($0.offset),\($0.element.0),\($0.element.1)" })
            .joined(separator: "\n").utf8).write(to: URL(fileURLWithPath: origins))
        let out = directory + "/audit.csv"
        let audit = try QadamProcess.run(["audit", "--dataset", dataset, "--origins", origins, "--kind", "school",
                                          "--format", "csv", "--output", out])
        #expect(audit.status == 0, "\(audit.stderr)")
        let rows = try CSVReference.parse(try String(contentsOfFile: out, encoding: .utf8))
        let header = rows[0]
        let column = { (name: String) in header.firstIndex(of: name)! }
        #expect(rows.count == points.count + 1)
        for (i, row) in rows.dropFirst().enumerated() {
            let p = points[i]
            let nearest = try QadamProcess.run(["nearest", "--dataset", dataset, "--kind", "school",
                                                "--from", "\(p.0),\(p.1)", "--format", "json"])
            let answer = try #require(try nearest.json() as? [String: Any])
            if answer["reachable"] as? Bool == true, let hit = (answer["facilities"] as? [[String: Any]])?.first {
                #expect(row[column("facility_id")] == hit["id"] as? String, "row \(i)")
                let metres = try #require(Double(row[column("distance_m")]))
                #expect(abs(metres - (hit["length_m"] as! Double)) < 1e-6 * max(1, metres), "row \(i)")
            } else {
                #expect(!row[column("error")].isEmpty, "row \(i) should be an error row")
            }
        }
        #expect(!rows.last![column("error")].isEmpty, "the point off the streets is an error row")
    }
}
