import Foundation
import QadamContract
@testable import QadamEngine
import TestSupport
import Testing

/// The per-snapshot facility indexes are built once and shared by concurrent queries, which
/// must get exactly the answers a lone query gets.
@Suite struct NetworkQueriesTests {
    @Test func concurrentNearestQueriesShareOneIndexAndAgreeWithALoneQuery() throws {
        let dir = try DatasetFixture.scratchDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try DatasetFixture.write(to: dir + "/d.qadam", withNetwork: true)
        let service = try QueryService(datasetPath: dir + "/d.qadam", loader: DatasetSnapshotLoader(normsPath: DatasetFixture.normsPath))
        // Points across the synthetic city (SW corner 76.88, 43.22, ~0.77 km a side).
        var rng = SystemRandomNumberGenerator()
        let points: [JSONValue] = (0..<64).map { _ in
            [.double(76.88 + Double.random(in: 0...0.0095, using: &rng)), .double(43.22 + Double.random(in: 0...0.007, using: &rng))]
        }
        @Sendable func ask(_ point: JSONValue, _ kind: String) -> String {
            let result = service.call("nearest", params: ["kind": .string(kind), "from": point, "k": 2])
            return (try? JSONText.serialize(result.get())) ?? "\(result)"
        }
        let kinds = ["school", "polyclinic"]
        // Each iteration writes its own slot only.
        nonisolated(unsafe) let answers = UnsafeMutableBufferPointer<String>.allocate(capacity: points.count * kinds.count)
        defer { answers.deallocate() }
        _ = answers.initialize(from: Array(repeating: "", count: answers.count))
        DispatchQueue.concurrentPerform(iterations: answers.count) { i in
            answers[i] = ask(points[i / kinds.count], kinds[i % kinds.count])
        }
        let queries = try #require(service.store.current.content as? DatasetContent).networkQueries
        #expect(queries?.indexCount == 2)
        // A fresh service (fresh indexes) answering one query at a time gives the same text.
        let lone = try QueryService(datasetPath: dir + "/d.qadam", loader: DatasetSnapshotLoader(normsPath: DatasetFixture.normsPath))
        for i in 0..<answers.count {
            let result = lone.call("nearest", params: ["kind": .string(kinds[i % kinds.count]), "from": points[i / kinds.count], "k": 2])
            #expect(answers[i] == (try JSONText.serialize(result.get())))
        }
    }
}
