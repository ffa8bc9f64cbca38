import Foundation
import QadamGeo
import QadamContract
import QadamEngine
import Testing

/// The direct readers (`JSONTextReadable`: the audit's rows, which `qadam audit --socket` reads
/// straight from the answer's text) held to their `Decodable` definition: on random values
/// written by Foundation with unknown members and whitespace added, both read the same value;
/// on damaged text, the reader refuses whatever `JSONDecoder` refuses and reads what it reads.
@Suite struct ContractReadingTests {
    /// `value` as Foundation writes it, with random unknown members (which both must skip) in
    /// every object, pretty-printed so there is whitespace between every token.
    static func text<T: Encodable>(_ value: T, _ r: inout SplitMix64) throws -> [UInt8] {
        func addUnknown(_ v: JSONValue) -> JSONValue {
            switch v {
            case .object(var members):
                for (key, member) in members { members[key] = addUnknown(member) }
                if r.next() % 2 == 0 { members["unknown_\(r.next() % 10)"] = StreamCodingTests.randomJSON(&r) }
                return .object(members)
            case .array(let items): return .array(items.map(addUnknown))
            default: return v
            }
        }
        let tree = addUnknown(try JSONText.parse(JSONEncoder().encode(value), maximumDepth: .max))
        let foundation = try JSONSerialization.jsonObject(with: Data(try JSONText.serialize(tree).utf8), options: .fragmentsAllowed)
        return Array(try JSONSerialization.data(withJSONObject: foundation, options: [.prettyPrinted, .fragmentsAllowed]))
    }

    @Test func readersReadWhatDecodableReads() throws {
        var r = SplitMix64(seed: 21)
        for _ in 0..<1500 {
            let value = ContractWritingTests.auditOrigins(&r)
            let bytes = try Self.text(value, &r)
            let read = try JSONTextReader.read(RPC.Audit.OriginsResult.self, from: bytes)
            #expect(read == value, "\(String(decoding: bytes, as: UTF8.self))")
            #expect(read == (try JSONDecoder().decode(RPC.Audit.OriginsResult.self, from: Data(bytes))))
            // And what the daemon's own writer writes.
            #expect(try JSONTextReader.read(RPC.Audit.OriginsResult.self, from: Array(JSONStreamEncoder.encode(value).utf8)) == value)
        }
    }

    /// Params qadamd reads from the request's text when it can and otherwise decodes from the
    /// tree (`Params.decode`): on random params, both give the value; on damaged ones, whatever
    /// the reader reads, the tree decoding reads the same (the reader may refuse more: a
    /// refusal goes to the tree decoding, whose error names the field).
    private func paramsReadAsTheTreeDecodes<T: JSONTextReadable & Encodable & Equatable>(
        _ random: (inout SplitMix64) -> T, seed: UInt64
    ) throws {
        var r = SplitMix64(seed: seed)
        let damage: [UInt8] = Array(#"{}[],:"\ 0-.en"#.utf8)
        var readDamaged = 0
        for _ in 0..<3000 {
            let params = random(&r)
            let bytes = try Self.text(params, &r)
            #expect(try JSONTextReader.read(T.self, from: bytes) == params, "\(String(decoding: bytes, as: UTF8.self))")
            var damaged = Array(try JSONStreamEncoder.encode(params).utf8)
            let at = Int(r.next() % UInt64(damaged.count))
            if r.next() % 2 == 0 { damaged.remove(at: at) } else { damaged[at] = damage[Int(r.next() % UInt64(damage.count))] }
            guard let read = try? JSONTextReader.read(T.self, from: damaged) else { continue }
            readDamaged += 1
            let tree = try? JSONText.parse(damaged, maximumDepth: .max)
            #expect(tree != nil && (try? Params.decode(T.self, from: tree!)) == read, "\(String(decoding: damaged, as: UTF8.self))")
        }
        #expect(readDamaged > 300)
    }

    @Test func auditParamsReadFromTextAreWhatTheTreeDecodes() throws {
        try paramsReadAsTheTreeDecodes(ContractWritingTests.auditParams, seed: 23)
    }

    @Test func nearestParamsReadFromTextAreWhatTheTreeDecodes() throws {
        try paramsReadAsTheTreeDecodes(ContractWritingTests.nearestParams, seed: 24)
    }

    /// Through the daemon's own path (a request line, its params kept as text, `Params.decode`):
    /// params a reader takes arrive read; params it refuses get the tree decoding's error,
    /// naming the field.
    @Test func theDaemonsParamsPathReadsOrNamesTheField() throws {
        func params(_ text: String) throws -> RPCParams {
            try RPCRequest.parse(line: Array(#"{"jsonrpc":"2.0","id":1,"method":"nearest","params":\#(text)}"#.utf8)).get().params
        }
        let read = try Params.decode(RPC.Nearest.Params.self, from: params(#"{"kind":"clinic","from":[76.9,43.25],"k":2}"#))
        #expect(read == RPC.Nearest.Params(kind: .polyclinic, from: Coordinate(lon: 76.9, lat: 43.25), k: 2))
        #expect(throws: RPCError.self) { try Params.decode(RPC.Nearest.Params.self, from: params(#"{"kind":"spaceport","from":[1,2]}"#)) }
        do {
            _ = try Params.decode(RPC.Nearest.Params.self, from: params(#"{"kind":"spaceport","from":[1,2]}"#))
        } catch let error as RPCError {
            #expect(error.data?["field"] == "kind" && error.message.contains("spaceport"), "\(error)")
        }
        do {
            _ = try Params.decode(RPC.Audit.Params.self, from: params(#"{"kind":"school","origins":[{"id":"a","at":[1,2]},{"id":7,"at":[1,2]}]}"#))
            Issue.record("an origin with a numeric id was read")
        } catch let error as RPCError {
            #expect(error.data?["field"] == "origins[1].id", "\(error)")
        }
    }

    @Test func onDamagedTextTheReaderAgreesWithJSONDecoder() throws {
        var r = SplitMix64(seed: 22)
        let damage: [UInt8] = Array(#"{}[],:"\ 0-.en"#.utf8)
        var refused = 0
        for _ in 0..<3000 {
            var bytes = Array(try JSONStreamEncoder.encode(ContractWritingTests.auditOrigins(&r)).utf8)
            let at = Int(r.next() % UInt64(bytes.count))
            switch r.next() % 3 {
            case 0: bytes.removeSubrange(at...)
            case 1: bytes[at] = damage[Int(r.next() % UInt64(damage.count))]
            default: bytes.remove(at: at)
            }
            let decoded = try? JSONDecoder().decode(RPC.Audit.OriginsResult.self, from: Data(bytes))
            let read = Result { () throws(JSONSyntaxError) in try JSONTextReader.read(RPC.Audit.OriginsResult.self, from: bytes) }
            switch (decoded, read) {
            case (nil, .failure):
                refused += 1
            case (let decoded?, .success(let read)):
                #expect(read == decoded, "\(String(decoding: bytes, as: UTF8.self))")
            default:
                Issue.record("JSONDecoder \(decoded == nil ? "refused" : "read") what the reader \(decoded == nil ? "read" : "refused"): \(String(decoding: bytes, as: UTF8.self))")
            }
        }
        #expect(refused > 1000, "the damage should break most texts")
    }

    @Test func aRefusalNamesWhereReadingStopped() throws {
        let missingRows = Array(#"{"kind":"school","profile":"walk","speed_kmh":4.5,"basis":"estimated","columns":[]}"#.utf8)
        do {
            _ = try JSONTextReader.read(RPC.Audit.OriginsResult.self, from: missingRows)
            Issue.record("an answer without rows was read")
        } catch {
            #expect(error.message == "missing member 'rows'" && error.line == 1 && error.column == missingRows.count + 1, "\(error)")
        }
        let badKind = Array("{\n\"kind\": \"spaceport\"}".utf8)
        do {
            _ = try JSONTextReader.read(RPC.Audit.OriginsResult.self, from: badKind)
            Issue.record("a kind outside the set was read")
        } catch {
            #expect(error.line == 2 && error.column == 9 && error.message.contains("spaceport") && error.message.contains("school"), "\(error)")
        }
    }
}
