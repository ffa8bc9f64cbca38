import QadamContract
import Testing

/// The typed contract (QadamContract's `RPC.*` types) against the wire as docs/protocol.md
/// shows it, and the daemon answers it (ProtocolExamplesTests replays the same lines): every
/// documented request of a typed method reads into its `Params` and writes back the same
/// object, and every documented answer reads into its `Result` and writes back the same object.
/// A member a type forgot, misnamed or mistyped fails here.
@Suite struct ContractExamplesTests {
    static let fences = ["jsonrpc", "jsonrpc services", "jsonrpc debug", "jsonrpc network"]

    /// The method's example requests and answers, read through its contract types.
    private func roundTrips<M: RPCMethod>(_ method: M.Type) throws -> Int {
        var checked = 0
        for fence in Self.fences {
            for exchange in try ProtocolExamplesTests.examples(fence: fence) {
                // Some examples are malformed on purpose (how the daemon refuses them).
                guard let request = try? JSONText.parse(exchange.request), request["method"]?.stringValue == M.name else { continue }
                // Requests the daemon refuses are ProtocolExamplesTests' business.
                guard case .object(var result)? = try JSONText.parse(exchange.expected)["result"] else { continue }
                let at = "docs/protocol.md:\(exchange.line)"
                let params = request["params"] ?? .object([:])
                let rewritten = try JSONValue(encoding: params.decode(M.Params.self))
                // A kind spelled the OSM way ("clinic") is written back as ours ("polyclinic").
                let kind = params["kind"]?.stringValue
                if kind.flatMap(FacilityKind.init(parsing:)).map({ $0.rawValue == kind }) ?? true {
                    #expect(ProtocolExamplesTests.difference(params, rewritten) == nil, "\(at) params: \(rewritten)")
                }
                result["snapshot"] = nil
                let reread = try JSONValue(encoding: JSONValue.object(result).decode(M.Result.self))
                #expect(ProtocolExamplesTests.difference(.object(result), reread) == nil, "\(at) result: \(reread)")
                checked += 1
            }
        }
        return checked
    }

    /// The service-gap methods share `MeasureParams`: each documented request that the daemon
    /// answers reads into it, and writes back exactly the shared members it gave.
    @Test func documentedMeasureRequestsReadThroughTheSharedParams() throws {
        let methods: Set = ["coverage", "access", "deficit", "provision", "whatif", "site", "agglomerations"]
        let shared: Set = ["kind", "max_m", "max_min", "area", "profile", "speed_kmh", "detour_factor", "group_by", "assume_capacity"]
        var checked = 0
        for fence in Self.fences {
            for exchange in try ProtocolExamplesTests.examples(fence: fence) {
                guard let request = try? JSONText.parse(exchange.request), let method = request["method"]?.stringValue,
                      methods.contains(method), try JSONText.parse(exchange.expected)["result"] != nil else { continue }
                let params = request["params"] ?? .object([:])
                let given = JSONValue.object((params.objectValue ?? [:]).filter { shared.contains($0.key) })
                let rewritten = try JSONValue(encoding: params.decode(MeasureParams.self))
                #expect(ProtocolExamplesTests.difference(given, rewritten) == nil, "docs/protocol.md:\(exchange.line): \(rewritten)")
                checked += 1
            }
        }
        #expect(checked >= 7)
    }

    @Test func documentedExamplesReadAndWriteThroughTheContractTypes() throws {
        #expect(try roundTrips(RPC.Ping.self) >= 1)
        #expect(try roundTrips(RPC.Info.self) >= 1)
        #expect(try roundTrips(RPC.Reload.self) >= 1)
        #expect(try roundTrips(RPC.Stats.self) >= 1)
        #expect(try roundTrips(RPC.Locate.self) >= 1)
        #expect(try roundTrips(RPC.Resolve.self) >= 1)
        #expect(try roundTrips(RPC.Nearest.self) >= 1)
        #expect(try roundTrips(RPC.Route.self) >= 1)
        #expect(try roundTrips(RPC.Isochrone.self) >= 1)
        #expect(try roundTrips(RPC.Matrix.self) >= 1)
        #expect(try roundTrips(RPC.Agglomerations.self) >= 1)
        #expect(try roundTrips(RPC.Districts.self) >= 1)
        #expect(try roundTrips(RPC.Coverage.self) >= 1)
        #expect(try roundTrips(RPC.Deficit.self) >= 1)
        #expect(try roundTrips(RPC.Access.self) >= 1)
        #expect(try roundTrips(RPC.Provision.self) >= 1)
        #expect(try roundTrips(RPC.Gaps.self) >= 1)
        #expect(try roundTrips(RPC.WhatIf.self) >= 1)
        #expect(try roundTrips(RPC.Site.self) >= 1)
    }
}
