import Foundation
import QadamData
import QadamGeo
import Testing

@Suite("Tolerant JSON parser")
struct JSONParserTests {
    @Test func readsOrdinaryJSON() throws {
        let v = try JSONParser.parse(#"{"a": [1, 2.5, -3e2, true, null, "x\"y\u00e9\ud83d\ude00"], "b": {}}"#)
        #expect(v["a"] == .array([.number(1), .number(2.5), .number(-300), .bool(true), .null, .string("x\"yé😀")]))
        #expect(v["b"] == .object([:]))
    }

    @Test func readsBareNaNAndInfinityAsNonFiniteNumbers() throws {
        let v = try JSONParser.parse("[NaN, Infinity, -Infinity]")
        let numbers = try #require(v.arrayValue).compactMap(\.numberValue)
        #expect(numbers.count == 3)
        #expect(numbers[0].isNaN && numbers[1] == .infinity && numbers[2] == -.infinity)
    }

    @Test func syntaxErrorsCarryLineAndColumn() {
        do {
            _ = try JSONParser.parse("{\n  \"a\": 1,\n  \"b\": ]\n}")
            Issue.record("expected an error")
        } catch let e as JSONSyntaxError {
            #expect(e.line == 3)
            #expect(e.column == 8)
        } catch { Issue.record("\(error)") }
        #expect(throws: JSONSyntaxError.self) { try JSONParser.parse(#"{"a": 1"#) }
        #expect(throws: JSONSyntaxError.self) { try JSONParser.parse("[1,]") }
        #expect(throws: JSONSyntaxError.self) { try JSONParser.parse("01") }
        #expect(throws: JSONSyntaxError.self) { try JSONParser.parse("[1] x") }
    }

    /// Reference: Foundation's parser must read our canonical text back to the same values,
    /// and ours must read Foundation's output to the same values, for random documents.
    @Test func agreesWithFoundationOnRandomDocuments() throws {
        var rng = SplitMix64(seed: 42)
        for _ in 0..<300 {
            let value = randomValue(&rng, depth: 0)
            let text = value.canonicalText
            #expect(try JSONParser.parse(text) == value)
            let foundation = try JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
            let again = try JSONSerialization.data(withJSONObject: foundation, options: [.fragmentsAllowed])
            #expect(try JSONParser.parse(again) == value, "\(text)")
        }
    }

    @Test func canonicalTextSortsKeysAndIsStable() throws {
        let a = try JSONParser.parse(#"{"b": 1, "a": [2.0, 0.1]}"#)
        #expect(a.canonicalText == #"{"a":[2,0.1],"b":1}"#)
    }

    private func randomValue(_ rng: inout SplitMix64, depth: Int) -> JSONValue {
        switch rng.next() % (depth > 3 ? 4 : 6) {
        case 0: return .null
        case 1: return .bool(rng.next() % 2 == 0)
        case 2:
            let d = Double(Int64(bitPattern: rng.next()) % 1_000_000) / Double(1 + rng.next() % 1000)
            return .number(d)
        case 3:
            let alphabet = Array("aZ9 \"\\\n\té日ё😀/")
            return .string(String((0..<Int(rng.next() % 8)).map { _ in alphabet[Int(rng.next() % UInt64(alphabet.count))] }))
        case 4: return .array((0..<Int(rng.next() % 4)).map { _ in randomValue(&rng, depth: depth + 1) })
        default:
            var o: [String: JSONValue] = [:]
            for i in 0..<Int(rng.next() % 4) { o["k\(i)\(rng.next() % 10)"] = randomValue(&rng, depth: depth + 1) }
            return .object(o)
        }
    }
}
