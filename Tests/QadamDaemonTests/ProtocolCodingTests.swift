import Foundation
import QadamContract
import QadamGeo
import Testing
import QadamClient

@Suite struct ProtocolCodingTests {
    @Test func requestParsingNamesWhatIsWrong() {
        func error(_ text: String) -> RPCFailure? {
            if case .failure(let f) = RPCRequest.parse(line: Array(text.utf8)) { return f }
            return nil
        }
        #expect(error(#"{"jsonrpc":"2.0","id":1,"method":"ping"}"#) == nil)
        #expect(error("not json")?.error.code == RPCError.parseErrorCode)
        #expect(error(#"{"x":NaN}"#)?.error.code == RPCError.parseErrorCode)
        // A batch is a line, not a request: RPCLine reads it (BatchTests).
        #expect(error(#"[{"jsonrpc":"2.0","id":1,"method":"ping"}]"#)?.error.code == RPCError.invalidRequestCode)
        let noVersion = error(#"{"id":7,"method":"ping"}"#)
        #expect(noVersion?.error.code == RPCError.invalidRequestCode)
        #expect(noVersion?.id == 7)
        #expect(error(#"{"jsonrpc":"2.0","id":1,"method":5}"#)?.error.message.contains("'method'") == true)
        #expect(error(#"{"jsonrpc":"2.0","id":{},"method":"ping"}"#)?.error.message.contains("'id'") == true)
        #expect(error(#"{"jsonrpc":"2.0","id":1,"method":"ping","params":3}"#)?.error.message.contains("'params'") == true)
        let deep = String(repeating: "[", count: 100_000)
        #expect(error(deep)?.error.message.contains("nested deeper") == true)
    }

    /// The params-keeping read of a request line gives what the whole-tree reference gives, on
    /// random requests and on damaged ones: the same id, method and params (or the same
    /// refusal, with the same id).
    @Test func requestLinesReadAsTheWholeTreeReadsThem() throws {
        var r = SplitMix64(seed: 0xF00D)
        let damage: [UInt8] = Array(#"{}[],:"\ 0-.en"#.utf8)
        var kept = 0, refused = 0, keptAsText = 0
        for _ in 0..<4000 {
            var members: [String: JSONValue] = ["method": r.next() % 8 == 0 ? .int(5) : "audit"]
            if r.next() % 8 != 0 { members["jsonrpc"] = r.next() % 10 == 0 ? "1.0" : "2.0" }
            if r.next() % 4 != 0 { members["id"] = r.next() % 2 == 0 ? .int(Int64(r.next() % 1000)) : .string("id\(r.next() % 9)") }
            if r.next() % 4 != 0 { members["params"] = StreamCodingTests.randomJSON(&r) }
            if r.next() % 5 == 0 { members["extra"] = StreamCodingTests.randomJSON(&r) }
            var line = Array(try JSONText.serialize(.object(members)).utf8)
            if r.next() % 2 == 0 {
                let at = Int(r.next() % UInt64(line.count))
                switch r.next() % 3 {
                case 0: line.removeSubrange(at...)
                case 1: line[at] = damage[Int(r.next() % UInt64(damage.count))]
                default: line.insert(UInt8(ascii: " "), at: at)
                }
            }
            let read = RPCRequest.parse(line: line), whole = RPCRequest.parseWhole(line: line)
            switch (read, whole) {
            case (.success(let a), .success(let b)):
                kept += 1
                let (paramsA, paramsB) = (try a.params.value(), try b.params.value())
                if a.params != b.params { keptAsText += 1 }  // the same params, held as their text
                #expect(a.id == b.id && a.method == b.method && paramsA == paramsB, "\(String(decoding: line, as: UTF8.self))")
            case (.failure(let a), .failure(let b)):
                refused += 1
                #expect(a == b, "\(String(decoding: line, as: UTF8.self))")
            default:
                Issue.record("read \(read), whole tree \(whole): \(String(decoding: line, as: UTF8.self))")
            }
        }
        #expect(kept > 1000 && refused > 500 && keptAsText > 300, "\(kept) \(refused) \(keptAsText)")
    }

    @Test func notificationsHaveNoID() throws {
        let request = try RPCRequest.parse(line: Array(#"{"jsonrpc":"2.0","method":"ping"}"#.utf8)).get()
        #expect(request.isNotification)
    }

    @Test func depthCountsOnlyBracketsOutsideStrings() throws {
        let nestedText = "\"" + String(repeating: "[", count: 1000) + "\""
        #expect(try JSONText.parse(nestedText) == .string(String(repeating: "[", count: 1000)))
        let escapedQuote = #"["\"[[[[", 1]"#
        #expect(try JSONText.parse(escapedQuote) == .array([.string("\"[[[["), .int(1)]))
        #expect(throws: JSONText.ParseError.tooDeep(limit: 3)) {
            try JSONText.parse(Array("[[[[1]]]]".utf8), maximumDepth: 3)
        }
    }

    /// A whole-number double is written without a fraction exactly when it reads back as an
    /// integer: the writer and `intValue` share one bound, 2^53 (they once used 2^53 and 9e15,
    /// so 9.005e15 was written as an integer and then not read as one).
    @Test func integersAreWrittenAndReadWithOneBound() throws {
        var rng = SplitMix64(seed: 0x2_53)
        let bound = JSONValue.exactIntegerBound
        var samples: [Double] = [9.005e15, 9.0e15, bound - 2, bound, bound * 2, -9.005e15, 0]
        for _ in 0..<2_000 {
            samples.append(((Double(rng.next() % 1_000_000) - 500_000) * 2_000_000_000).rounded())
            // Across the bound: 8.9e15 to 9.2e15.
            samples.append((8.9e15 + Double(rng.next() % 300_000_000_000_000)).rounded())
        }
        for d in samples {
            let text = try JSONText.serialize(.array([.double(d)]))
            let read = try JSONText.parse(text)
            guard case .array(let items) = read, let item = items.first else { Issue.record("\(text)"); continue }
            let writtenAsInteger = !text.contains(".") && !text.contains("e")
            #expect(writtenAsInteger == (abs(d) < bound), "\(d) written as \(text)")
            #expect((item.intValue != nil) == (abs(d) < bound), "\(d) read back as \(item)")
            // The double itself, not only its text read back: 9.005e15 is an integer to both.
            #expect((JSONValue.double(d).intValue != nil) == (abs(d) < bound), "\(d) as a double")
            if abs(d) < bound { #expect(item.intValue == Int64(d)) }
        }
    }

    @Test func serialisationRefusesNonFiniteNumbersAndNamesWhere() {
        #expect(throws: JSONText.NonFiniteNumber.self) { try JSONText.serialize(["a": [1, .double(.nan)]]) }
        #expect {
            try JSONText.serialize(["a": [1, .double(.infinity)]])
        } throws: { error in
            (error as? JSONText.NonFiniteNumber)?.path == "$.a[1]"
        }
    }

    /// Serialising then parsing gives back the same value, for random values (seeded).
    @Test func serialiseParseRoundTrip() throws {
        var rng = SplitMix64(seed: 0x51AD)
        for _ in 0..<500 {
            let value = randomValue(&rng, depth: 0)
            let text = try JSONText.serialize(value)
            #expect(!text.contains("\n"))
            #expect(try JSONText.parse(text) == value, "\(text)")
        }
    }

    private func randomValue(_ rng: inout SplitMix64, depth: Int) -> JSONValue {
        switch rng.next() % (depth > 3 ? 5 : 7) {
        case 0: return .null
        case 1: return .bool(rng.next() % 2 == 0)
        case 2: return .int(Int64(bitPattern: rng.next()) >> Int64(rng.next() % 60))
        case 3: return .double((Double(rng.next() % 2_000_001) - 1_000_000) / 1024 + 0.5)
        case 4:
            let scalars = (0..<Int(rng.next() % 8)).map { _ -> Character in
                let pool: [Character] = ["a", "\"", "\\", "\n", "\u{1}", "қ", "😀", " ", "/"]
                return pool[Int(rng.next() % UInt64(pool.count))]
            }
            return .string(String(scalars))
        case 5: return .array((0..<Int(rng.next() % 4)).map { _ in randomValue(&rng, depth: depth + 1) })
        default:
            var members: [String: JSONValue] = [:]
            for i in 0..<Int(rng.next() % 4) { members["k\(i)\(rng.next() % 3)"] = randomValue(&rng, depth: depth + 1) }
            return .object(members)
        }
    }

    @Test func responsesRoundTrip() throws {
        let ok = RPCResponse(id: "a", result: ["snapshot": "h"])
        #expect(try RPCResponse(json: JSONText.parse(ok.line())) == ok)
        let failed = RPCResponse(id: 3, error: .invalidParams(field: "points[2]", "must be a [lon, lat] pair"))
        let decoded = try RPCResponse(json: JSONText.parse(failed.line()))
        #expect(decoded == failed)
        #expect(decoded.error?.data?["field"] == "points[2]")
    }

    @Test func clientConnectErrorNamesTheSocket() {
        do {
            _ = try RPCClient(path: "/nonexistent/qadam/qadamd.sock")
            Issue.record("connect should fail")
        } catch {
            #expect(String(describing: error).contains("/nonexistent/qadam/qadamd.sock"))
        }
    }

    @Test func defaultSocketPathFollowsUser() {
        #expect(SocketPath.defaultPath(uid: 0, environment: ["XDG_RUNTIME_DIR": "/run/user/0"]) == "/run/qadam/qadamd.sock")
        #expect(SocketPath.defaultPath(uid: 1000, environment: ["XDG_RUNTIME_DIR": "/run/user/1000"]) == "/run/user/1000/qadam/qadamd.sock")
        #expect(SocketPath.defaultPath(uid: 1000, environment: [:]) == "/tmp/qadam-1000/qadamd.sock")
    }
}
