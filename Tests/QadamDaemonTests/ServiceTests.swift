import Foundation
import QadamGeo
import QadamContract
import QadamEngine
import TestSupport
import Testing

@Suite struct ServiceTests {
    private let loader = DatasetSnapshotLoader(normsPath: DatasetFixture.normsPath)

    /// A fixture dataset in a fresh directory; the caller removes `dir`.
    private func dataset(_ variant: DatasetFixture.Variant = .a) throws -> (dir: String, path: String, hash: String) {
        let dir = try DatasetFixture.scratchDirectory()
        let path = dir + "/d.qadam"
        let hash = try DatasetFixture.write(to: path, variant: variant)
        return (dir, path, hash)
    }

    @Test func loaderReadsTheDatasetItsCountsAndHash() throws {
        let (dir, path, hash) = try dataset()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let snapshot = try loader.load(path: path)
        #expect(snapshot.contentHash == hash)
        #expect(hash.count == 64, "a SHA-256 in hex")
        #expect(snapshot.meta["schema_version"] == "1")
        #expect(snapshot.layerCounts == DatasetFixture.layerCounts)
        #expect(snapshot.meta["norms"] == DatasetFixture.normsPath)
    }

    @Test func variantsDifferInHashAndEachHashIsReproducible() throws {
        let a = try DatasetFixture.contentHash(of: .a), b = try DatasetFixture.contentHash(of: .b)
        #expect(a != b)
        #expect(try DatasetFixture.contentHash(of: .a) == a, "the hash covers content, not build time")
    }

    @Test func loaderRefusesBrokenFilesWithTheirPath() throws {
        let (dir, path, _) = try dataset()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect(throws: SnapshotLoadError.fileMissing(path: dir + "/none")) { try loader.load(path: dir + "/none") }
        do {
            _ = try DatasetSnapshotLoader(normsPath: dir + "/no-norms.json").load(path: path)
            Issue.record("loaded without a norms catalogue")
        } catch {
            #expect(String(describing: error).contains("no-norms.json"))
        }
        try DatasetFixture.replaceWithGarbage(path)
        do {
            _ = try loader.load(path: path)
            Issue.record("garbage loaded")
        } catch {
            #expect(String(describing: error).contains(path))
        }
    }

    @Test func failedReloadKeepsTheOldSnapshotAndIsReported() throws {
        let (dir, path, hashA) = try dataset(.a)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let store = try SnapshotStore(datasetPath: path, loader: loader)
        let before = store.current
        try DatasetFixture.replaceWithGarbage(path)
        guard case .failure(let failure) = store.reload() else { Issue.record("reload of garbage succeeded"); return }
        #expect(store.current === before)
        #expect(store.lastReloadFailure?.message == failure.message)
        let hashB = try DatasetFixture.replace(path, variant: .b)
        guard case .success(let outcome) = store.reload() else { Issue.record("reload failed"); return }
        #expect(outcome.changed && outcome.previous === before)
        #expect(store.current.contentHash == hashB)
        #expect(store.lastReloadFailure == nil)
        #expect(before.contentHash == hashA, "a snapshot never changes after it is built")
    }

    /// `ping`, `info` and `locate` answer in-process exactly what the daemon builds on.
    @Test func standardMethodsAnswerOnTheFixture() throws {
        let (dir, path, hash) = try dataset()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let service = try QueryService(datasetPath: path, loader: loader)
        #expect(try service.call("ping").get() == ["pong": true, "snapshot": .string(hash)])

        let info = try service.call("info").get()
        #expect(info["snapshot"] == .string(hash))
        #expect(info["dataset"] == .string(path))
        #expect(info["layers"] == ["districts": 3, "settlements": 3])
        #expect(info["norms"] == .string(DatasetFixture.normsPath))
        let details = try #require(info["layer_details"]?.arrayValue)
        #expect(details.map { $0["layer"] } == ["districts", "settlements"])
        let extent = try #require(details[0]["extent"])
        #expect(["minX", "minY", "maxX", "maxY"].map { extent[$0]?.doubleValue } == [76, 43, 78, 44])
        #expect(details.allSatisfy { $0["sources"]?.arrayValue?.first?["licence"] == "CC0" })

        let (lon, lat) = DatasetFixture.westPoint
        let located = try service.call("locate", params: ["at": [.double(lon), .double(lat)]]).get()
        #expect(located["rayon"]?["id"] == "R1" && located["oblast"]?["name"] == "Testoblast")
        #expect(located["nearest_settlement"]?["settlement"]?["id"] == "S1")
        #expect(located["snapshot"] == .string(hash))
        guard case .failure(let bad) = service.call("locate", params: ["at": [200, 43]]) else {
            Issue.record("locate accepted lon 200"); return
        }
        #expect(bad.code == RPCError.invalidParamsCode && bad.data?["field"] == "at")
    }

    struct NearestParams: Decodable {
        let points: [Coordinate]
        let kind: String
        let limit: Int?
    }

    /// A result that wrongly carries the member the registry adds.
    struct OwnSnapshot: Encodable {
        var a = ["snapshot": 1]
        var snapshot = 2
    }

    /// A result whose nested members and strings spell the name but which has none of its own
    /// (written by the generic encoder, so through the text scan).
    struct NestedSnapshot: Encodable {
        var a = ["snapshot": "x"]
        var b = ["\"snapshot\":"]
    }

    private func registry() -> MethodRegistry {
        var registry = MethodRegistry()
        registry.register("nearest", params: NearestParams.self) { params, _ in
            for (i, point) in params.points.enumerated() { try Params.validate(point, field: "points[\(i)]") }
            return ["count": params.points.count] as [String: Int]
        }
        registry.register("raw") { _, _ in JSONValue.array([]) }
        registry.register("ownSnapshot") { _, _ in OwnSnapshot() }
        registry.register("ownSnapshotValue") { _, _ in ["snapshot": "mine"] as JSONValue }
        registry.register("nestedSnapshot") { _, _ in NestedSnapshot() }
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

        // A result may not bring its own `snapshot`: never two members of one name.
        for method in ["ownSnapshot", "ownSnapshotValue"] {
            guard case .failure(let twice) = call([:], method) else { Issue.record("\(method): own snapshot accepted"); continue }
            #expect(twice.code == RPCError.internalErrorCode)
            #expect(twice.message.contains("own 'snapshot'"))
        }
        // Nested members and strings that spell the name are not the result's own.
        #expect(try call([:], "nestedSnapshot").get() == ["a": ["snapshot": "x"], "b": ["\"snapshot\":"], "snapshot": "H"])
    }

    /// The top-level scan held to the parsed tree on random objects.
    @Test func topLevelMemberScanAgreesWithTheParsedObject() throws {
        var rng = SplitMix64(seed: 0x5A9)
        let names = ["snapshot", "snap", "a", "snapshot\"", "x"]
        func value(_ depth: Int) -> JSONValue {
            switch rng.next() % (depth > 2 ? 3 : 5) {
            case 0: return .string(names[Int(rng.next() % 5)] + ":")
            case 1: return .int(Int64(rng.next() % 100))
            case 2: return .string("\\\"snapshot\":{")
            case 3: return .array((0..<Int(rng.next() % 3)).map { _ in value(depth + 1) })
            default: return object(depth + 1)
            }
        }
        func object(_ depth: Int) -> JSONValue {
            var members: [String: JSONValue] = [:]
            for _ in 0..<Int(rng.next() % 4) { members[names[Int(rng.next() % 5)]] = value(depth) }
            return .object(members)
        }
        for _ in 0..<2_000 {
            let tree = object(0)
            let bytes = Array(try JSONText.serialize(tree).utf8)
            guard case .object(let members) = tree else { continue }
            #expect(JSONText.hasTopLevelMember("snapshot", in: bytes) == (members["snapshot"] != nil), "\(String(decoding: bytes, as: UTF8.self))")
        }
    }
}
