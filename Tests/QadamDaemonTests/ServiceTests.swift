import Foundation
import QadamGeo
import QadamProtocol
import QadamService
import Testing

@Suite struct ServiceTests {
    private func dataset(_ hash: String?, layers: [String: Int] = ["settlements": 3, "facilities": 2]) throws -> (dir: String, path: String) {
        let dir = try DaemonProcess.scratchDirectory()
        let path = dir + "/d.qadam"
        try DatasetFixture.write(to: path, contentHash: hash, layers: layers)
        return (dir, path)
    }

    @Test func loaderReadsMetaAndCountsLayers() throws {
        let (dir, path) = try dataset("h1")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let snapshot = try SQLiteMetaLoader().load(path: path)
        #expect(snapshot.contentHash == "h1")
        #expect(snapshot.schemaVersion == "1")
        #expect(snapshot.layerCounts == ["settlements": 3, "facilities": 2])
    }

    @Test func loaderRefusesBrokenFilesWithTheirPath() throws {
        let (dir, path) = try dataset(nil)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect(throws: SnapshotLoadError.missingContentHash(path: path)) { try SQLiteMetaLoader().load(path: path) }
        #expect(throws: SnapshotLoadError.fileMissing(path: dir + "/none")) { try SQLiteMetaLoader().load(path: dir + "/none") }
        try DatasetFixture.replaceWithGarbage(path)
        do {
            _ = try SQLiteMetaLoader().load(path: path)
            Issue.record("garbage loaded")
        } catch {
            #expect(String(describing: error).contains(path))
        }
    }

    @Test func failedReloadKeepsTheOldSnapshotAndIsReported() throws {
        let (dir, path) = try dataset("old")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let store = try SnapshotStore(datasetPath: path, loader: SQLiteMetaLoader())
        let before = store.current
        try DatasetFixture.replaceWithGarbage(path)
        guard case .failure(let failure) = store.reload() else { Issue.record("reload of garbage succeeded"); return }
        #expect(store.current === before)
        #expect(store.lastReloadFailure?.message == failure.message)
        try DatasetFixture.replace(path, contentHash: "new")
        guard case .success(let outcome) = store.reload() else { Issue.record("reload failed"); return }
        #expect(outcome.changed && outcome.previous === before)
        #expect(store.current.contentHash == "new")
        #expect(store.lastReloadFailure == nil)
        #expect(before.contentHash == "old", "a snapshot never changes after it is built")
    }

    struct NearestParams: Decodable {
        let points: [Coordinate]
        let kind: String
        let limit: Int?
    }

    private func registry() -> MethodRegistry {
        var registry = MethodRegistry()
        registry.register("nearest", params: NearestParams.self) { params, _ in
            for (i, point) in params.points.enumerated() { try Params.validate(point, field: "points[\(i)]") }
            return ["count": params.points.count] as [String: Int]
        }
        registry.register("raw") { _, _ in .array([]) }
        return registry
    }

    @Test func registryAddsSnapshotAndNamesBadFields() throws {
        let snapshot = Snapshot(datasetPath: "/x", contentHash: "H", meta: [:], layerCounts: [:],
                                loadedAt: Date(), loadSeconds: 0)
        let registry = registry()
        func call(_ params: JSONValue, _ method: String = "nearest") -> Result<JSONValue, RPCError> {
            registry.call(method, params: params, on: snapshot)
        }
        #expect(try call(["points": [[76.9, 43.2]], "kind": "school"]).get() == ["count": 1, "snapshot": "H"])

        func field(_ params: JSONValue) -> String? {
            guard case .failure(let e) = call(params), e.code == RPCError.invalidParamsCode else { return nil }
            return e.data?["field"]?.stringValue
        }
        #expect(field(["points": [[76.9, 43.2]]]) == "kind")
        #expect(field(["points": [[76.9, 43.2]], "kind": 5]) == "kind")
        #expect(field(["points": [[76.9, 43.2], [1]], "kind": "school"])?.hasPrefix("points[1]") == true)
        #expect(field(["points": [[76.9, 43.2], [200, 1]], "kind": "school"]) == "points[1]")
        #expect(field(["points": [[76.9, 43.2]], "kind": "school", "limit": "ten"]) == "limit")
        #expect(field([1, 2]) == "params")

        guard case .failure(let unknown) = call([:], "nope") else { Issue.record("unknown method answered"); return }
        #expect(unknown.code == RPCError.methodNotFoundCode)
        guard case .failure(let notObject) = call([:], "raw") else { Issue.record("array result accepted"); return }
        #expect(notObject.code == RPCError.internalErrorCode)
    }
}
