import Foundation
import QadamContract
import QadamEngine
import TestSupport
import Testing

/// The service-gap methods' real answers (the services fixture, through the registry the daemon
/// runs) read into their contract `Result` types and write back the same object, and every
/// member on the wire is named in snake_case. docs/protocol.md's examples (ContractExamplesTests)
/// show one answer per method; these cover the members an example leaves out (an area, group
/// roll-ups, assumed capacities, candidate sites, each assignment and catchment method), and
/// the settlements audit, whose answer has a column block per required kind.
@Suite struct ServiceGapContractTests {
    let service: QueryService

    init() throws {
        let path = try DatasetFixture.scratchDirectory() + "/services.sqlite"
        _ = try DatasetFixture.write(to: path, variant: .services)
        service = try QueryService(datasetPath: path, loader: DatasetSnapshotLoader(normsPath: DatasetFixture.normsPath))
    }

    /// Asks `method` with `params` and checks its answer against `M.Result` and the wire's
    /// snake_case names; returns the result.
    @discardableResult
    private func roundTrip<M: RPCMethod>(_ method: M.Type, _ params: M.Params,
                                         sourceLocation: SourceLocation = #_sourceLocation) throws -> M.Result {
        let answer = try service.call(M.name, params: JSONValue(encoding: params)).get()
        let unsnaked = ContractAnswerChecks.nonSnakeCaseNames(in: answer)
        #expect(unsnaked.isEmpty, "\(M.name) members not in snake_case: \(unsnaked)", sourceLocation: sourceLocation)
        return try ContractAnswerChecks.roundTrip(M.self, answer, sourceLocation: sourceLocation)
    }

    @Test func coverageAnswersReadAsTheirContractType() throws {
        let all = try roundTrip(RPC.Coverage.self, .init(MeasureParams(kind: .school, maxM: 100, groupBy: [.district]), RowLimit()))
        #expect(!all.groups.isEmpty && !all.outside.isEmpty && all.facilitiesInArea == nil)
        let area = try roundTrip(RPC.Coverage.self, .init(MeasureParams(kind: .school, area: "R2"), RowLimit(limit: 1)))
        #expect(area.area?.id == "R2" && area.facilitiesInArea != nil && area.parameters.limitSource == .norm)
    }

    @Test func deficitAnswersReadAsTheirContractType() throws {
        let exact = try roundTrip(RPC.Deficit.self, .init(MeasureParams(kind: .school, maxM: 5000), .init()))
        #expect(exact.assignment?.method == .exactMinCostFlow && exact.weighting.weight == .schoolAgeShare)
        let greedy = try roundTrip(RPC.Deficit.self, .init(MeasureParams(kind: .school, maxM: 5000), .init(assignment: .greedy, limit: 1)))
        #expect(greedy.assignment?.method == .greedyNearestWithCapacity)
        let assumed = try roundTrip(RPC.Deficit.self, .init(MeasureParams(kind: .polyclinic, maxM: 5000, assumeCapacity: .double(100)), .init()))
        #expect(assumed.kind == .polyclinic)
    }

    @Test func accessAnswersReadAsTheirContractType() throws {
        for method in CatchmentMethod.allCases {
            let answer = try roundTrip(RPC.Access.self, .init(MeasureParams(kind: .school), .init(method: method, catchmentM: 3000)))
            #expect(answer.method == method && answer.parameters.decay == method && !answer.facilities.isEmpty)
        }
        try roundTrip(RPC.Access.self, .init(MeasureParams(kind: .school, profile: .drive, groupBy: [.district]),
                                             .init(method: .gravity, catchmentMin: 30)))
    }

    @Test func provisionAndGapsAnswersReadAsTheirContractTypes() throws {
        let provision = try roundTrip(RPC.Provision.self, .init(MeasureParams(), RowLimit()))
        #expect(!provision.settlements.isEmpty && !provision.checks.isEmpty)
        try roundTrip(RPC.Provision.self, .init(MeasureParams(area: "R1", groupBy: [.agglomerationZone]), RowLimit(limit: 1)))
        try roundTrip(RPC.Provision.self, .init(MeasureParams(kind: .school, maxM: 1000), RowLimit()))
        let gaps = try roundTrip(RPC.Gaps.self, .init(MeasureParams(), RowLimit()))
        #expect(gaps.gapCount > 0 && !gaps.byKind.isEmpty)
    }

    @Test func whatIfAndSiteAnswersReadAsTheirContractTypes() throws {
        let changes: [RPC.WhatIf.Change] = [.init(op: .add, at: Coordinate(lon: 77.51, lat: 43.501), capacity: 400),
                                            .init(op: .remove, id: "F3"), .init(op: .resize, id: "F2", capacity: 600)]
        let whatIf = try roundTrip(RPC.WhatIf.self, .init(MeasureParams(kind: .school, maxM: 2000), .init(changes: changes)))
        #expect(whatIf.changes == 3 && whatIf.seats != nil)
        let site = try roundTrip(RPC.Site.self, .init(MeasureParams(kind: .school, maxM: 100), .init(count: 2)))
        #expect(site.candidateSource == .demandPoints && !site.picks.isEmpty)
        let given = try roundTrip(RPC.Site.self, .init(MeasureParams(kind: .school, maxM: 2000),
                                                       .init(count: 1, candidates: [Coordinate(lon: 77.3, lat: 43.6)])))
        #expect(given.candidateSource == .given)
    }

    @Test func settlementAuditAnswersReadAsTheirContractType() throws {
        let audit = try roundTrip(RPC.Audit.Layer.self, .init(layer: .settlements))
        let rows = try #require(audit.rows)
        #expect(!rows.isEmpty && audit.origins == nil && !audit.kinds.isEmpty && !audit.norms.isEmpty)
        #expect(rows.allSatisfy { Set($0.checks.keys) == Set(audit.kinds) })
        #expect(rows.contains { $0.checks.values.contains { $0 != nil } })
        // Every column after the leading ones names a kind of the answer and one of its columns.
        for column in audit.columns.dropFirst(RPC.Audit.SettlementRow.leadingColumns.count) {
            let named = try #require(RPC.Audit.SettlementRow.kindColumn(column), "\(column)")
            #expect(audit.kinds.contains(named.kind) && RPC.Audit.SettlementRow.kindColumns.contains(named.column))
        }
        let listing = try roundTrip(RPC.Audit.Layer.self, .init(layer: .settlements, area: "R1", offset: 1, originsOnly: true))
        #expect(listing.rows == nil && listing.area?.id == "R1" && listing.offset == 1)
    }

    /// The answers qadamd gave at 1930130, before these results were typed (Golden/README.md),
    /// are the answers now: the same members, values and nulls.
    @Test func answersAreTheOnesThePreviousBuildGave() throws {
        let path = SharedGeodata.repositoryRoot.appendingPathComponent("Tests/QadamDaemonTests/Golden/service-answers.txt").path
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
        var compared = 0
        for (request, expected) in zip(lines.filter { $0.hasPrefix("--> ") }, lines.filter { $0.hasPrefix("<-- ") }) {
            let call = try JSONText.parse(String(request.dropFirst(4)))
            let method = try #require(call["method"]?.stringValue)
            let answer = try service.call(method, params: call["params"] ?? .null).get()
            let golden = try #require(JSONText.parse(String(expected.dropFirst(4)))["result"])
            #expect(ProtocolExamplesTests.difference(golden, answer) == nil, "\(request)")
            compared += 1
        }
        #expect(compared == 22)
    }

    /// A word outside a method's vocabulary is refused at its field with the words it takes.
    @Test func wordsOutsideTheVocabulariesAreRefusedAtTheirField() throws {
        let refusals: [(String, JSONValue, String, String)] = [
            ("deficit", ["kind": "school", "assignment": "bogus"], "assignment", "must be an assignment method (exact, greedy), got 'bogus'"),
            ("access", ["kind": "school", "method": "x", "catchment_m": 3000], "method", "must be a catchment method (2sfca, e2sfca, gravity), got 'x'"),
            ("whatif", ["kind": "school", "changes": [["op": "nope"]]], "changes[0].op", "must be a change op (add, remove, resize), got 'nope'"),
        ]
        for (method, params, field, why) in refusals {
            guard case .failure(let error) = service.call(method, params: params) else {
                Issue.record("\(method) accepted \(params)")
                continue
            }
            #expect(error.code == RPCError.invalidParamsCode && error.data?["field"] == .string(field), "\(method): \(error)")
            #expect(error.message.hasSuffix(why), "\(method): \(error.message)")
        }
    }
}
