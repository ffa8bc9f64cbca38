import Foundation
import QadamProtocol
import QadamService
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

    /// Asks `method` with `params` and checks its answer against `M.Result`; returns the answer.
    @discardableResult
    private func roundTrip<M: RPCMethod>(_ method: M.Type, _ params: M.Params,
                                         sourceLocation: SourceLocation = #_sourceLocation) throws -> M.Result {
        let answer = try service.call(M.name, params: JSONValue(encoding: params)).get()
        var members = try #require(answer.objectValue, sourceLocation: sourceLocation)
        #expect(members.removeValue(forKey: "snapshot") != nil, sourceLocation: sourceLocation)
        let result = try JSONValue.object(members).decode(M.Result.self)
        let reread = try JSONValue(encoding: result)
        #expect(ProtocolExamplesTests.difference(.object(members), reread) == nil, "\(M.name): \(reread)", sourceLocation: sourceLocation)
        let unsnaked = Self.memberNames(answer).filter { $0.contains { !($0.isLowercase || $0.isNumber || $0 == "_") } }
        #expect(unsnaked.isEmpty, "\(M.name) members not in snake_case: \(unsnaked)", sourceLocation: sourceLocation)
        return result
    }

    static func memberNames(_ value: JSONValue) -> Set<String> {
        switch value {
        case .object(let members): members.reduce(into: Set(members.keys)) { $0.formUnion(memberNames($1.value)) }
        case .array(let items): items.reduce(into: Set()) { $0.formUnion(memberNames($1)) }
        default: []
        }
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
}
