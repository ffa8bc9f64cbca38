import Testing
@testable import QadamClient
import QadamContract

/// A response line as the typed client reads it (`RPCClient.response(to:reading:)`): its own
/// answer read as the result type whichever member comes first, another request's answer
/// passed over, an error answer as the error, and a result that does not read (another shape,
/// or cut off inside it) told apart from an answer with neither result nor error (the CLI
/// exits 2 for the first, 3 for the second).
@Suite struct TypedResponseTests {
    typealias Read = TypedResponse<RPC.Audit.OriginsResult>
    static let result = #"{"kind":"school","profile":"walk","speed_kmh":4.5,"basis":"estimated","columns":[],"rows":[{"id":"a","distance_m":12,"time_s":9.6,"facility_id":"s1","basis":"estimated","error":null}]}"#

    private func read(_ line: String, awaiting id: JSONValue = 7) throws -> Read {
        try Read.read(Array(line.utf8), awaiting: id)
    }

    @Test func theAwaitedAnswerIsReadWhicheverMemberComesFirst() throws {
        for line in [#"{"jsonrpc":"2.0","id":7,"result":\#(Self.result)}"#, #"{"result":\#(Self.result),"jsonrpc":"2.0","id":7}"#] {
            guard case .answer(.success(let answer)) = try read(line) else {
                Issue.record("not read: \(line)")
                continue
            }
            #expect(answer.rows.map(\.id) == ["a"] && answer.rows[0].distanceM == 12 && answer.rows[0].facilityID == "s1")
        }
    }

    @Test func anotherRequestsAnswerIsPassedOverWithItsID() throws {
        guard case .other(let id) = try read(#"{"jsonrpc":"2.0","id":8,"result":{"pong":true}}"#) else {
            Issue.record("another id was taken as the awaited answer")
            return
        }
        #expect(id == 8)
    }

    @Test func anErrorAnswerIsTheError() throws {
        guard case .answer(.failure(let error)) = try read(#"{"jsonrpc":"2.0","id":7,"error":{"code":-32602,"message":"bad kind","data":{"field":"kind"}}}"#) else {
            Issue.record("an error answer was not read as one")
            return
        }
        #expect(error.code == RPCError.invalidParamsCode && error.data?["field"] == "kind")
    }

    @Test func aResultOfAnotherShapeIsNotABrokenLine() throws {
        for line in [#"{"jsonrpc":"2.0","id":7,"result":{"pong":true}}"#, #"{"result":{"rows":3},"id":7}"#,
                     #"{"jsonrpc":"2.0","id":7,"result":{"kind":"#] {
            guard case .unreadableResult(let why) = try read(line) else {
                Issue.record("a result of another shape was not reported as one: \(line)")
                continue
            }
            #expect(why.message.contains("missing member") || why.message.contains("expected") || why.message.contains("end of input"),
                    "\(why)")
        }
        #expect(throws: JSONSyntaxError.self) { try read(#"{"jsonrpc":"2.0","id":7}"#) }
        #expect(throws: JSONSyntaxError.self) { try read(#"{"jsonrpc":"2.0","id":7,"error":{"code":"x"}}"#) }
    }
}
