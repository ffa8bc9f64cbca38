import Foundation
import QadamGeo
import QadamContract
import Testing

@Suite("The JSON parser (data files and the wire)")
struct JSONParserTests {
    @Test func readsOrdinaryJSON() throws {
        let v = try JSONParser.parse(#"{"a": [1, 2.5, -3e2, true, null, "x\"y\u00e9\ud83d\ude00"], "b": {}}"#)
        #expect(v["a"] == .array([.int(1), .double(2.5), .double(-300), .bool(true), .null, .string("x\"yé😀")]))
        #expect(v["b"] == .object([:]))
    }

    @Test func readsBareNaNAndInfinityAsNonFiniteNumbers() throws {
        let v = try JSONParser.parse("[NaN, Infinity, -Infinity]")
        let numbers = try #require(v.arrayValue).compactMap(\.doubleValue)
        #expect(numbers.count == 3)
        #expect(numbers[0].isNaN && numbers[1] == .infinity && numbers[2] == -.infinity)
    }

    @Test func theWireRefusesNonFiniteTokensAndIntegersStayExact() throws {
        #expect(throws: JSONText.ParseError.self) { try JSONText.parse("[NaN]") }
        #expect(throws: JSONText.ParseError.self) { try JSONText.parse("{\"a\": -Infinity}") }
        #expect(try JSONText.parse("[9007199254740993, -0, 1e2, 1.0]")
                == .array([.int(9_007_199_254_740_993), .int(0), .double(100), .double(1)]))
        #expect(try JSONText.parse(String(repeating: "[", count: 64) + String(repeating: "]", count: 64)) != .null)
        #expect(throws: JSONText.ParseError.tooDeep(limit: 64)) {
            try JSONText.parse(String(repeating: "[", count: 65) + String(repeating: "]", count: 65))
        }
    }

    /// Integers are read by digits up to 18 of them and through `Int64(String)` beyond: both
    /// ways are held to `Int64`'s own reading (and `Double`'s past Int64) on random texts.
    @Test func integersOfEveryLengthReadAsTheStandardLibraryReadsThem() throws {
        var rng = SplitMix64(seed: 18)
        for _ in 0..<20_000 {
            let length = 1 + Int(rng.next() % 21)
            var digits = String(1 + rng.next() % 9) + String((1..<length).map { _ in Character(String(rng.next() % 10)) })
            if rng.next() % 7 == 0 { digits = "0" }
            let text = (rng.next() % 2 == 0 ? "-" : "") + digits
            let expected: JSONValue = Int64(text).map { .int($0) } ?? .double(Double(text)!)
            #expect(try JSONText.parse("[\(text)]") == .array([expected]), "\(text)")
        }
    }

    /// Short decimals (a point, no exponent, up to 15 digits) are read as digits over a power
    /// of ten; held to `Double(String)` (strtod), bit for bit, on random texts of every length.
    @Test func decimalsReadToTheSameDoubleAsTheStandardLibrary() throws {
        var rng = SplitMix64(seed: 15)
        for _ in 0..<50_000 {
            let whole = Int(rng.next() % 6), fraction = 1 + Int(rng.next() % 19)
            let wholeText = whole == 0 ? "0" : String(1 + rng.next() % 9) + String((1..<whole).map { _ in Character(String(rng.next() % 10)) })
            let text = (rng.next() % 3 == 0 ? "-" : "") + wholeText + "." + String((0..<fraction).map { _ in Character(String(rng.next() % 10)) })
            let read = try #require(JSONText.parse("[\(text)]").arrayValue?.first?.doubleValue)
            let expected = try #require(Double(text))
            #expect(read.bitPattern == expected.bitPattern, "\(text)")
        }
    }

    /// A high surrogate not followed by a low one is one U+FFFD, and the next escape is read on
    /// its own (it used to overflow and trap: one request line could stop the daemon).
    @Test func loneSurrogatesBecomeReplacementCharacters() throws {
        #expect(try JSONText.parse(#"["\uD800\u0041", "\uD83D\uDE00", "\uDBFF\uE000", "\uDC00", "\uD800"]"#)
                == .array([.string("\u{FFFD}A"), .string("😀"), .string("\u{FFFD}\u{E000}"), .string("\u{FFFD}"), .string("\u{FFFD}")]))
    }

    @Test func theWireRefusesBytesThatAreNotUTF8() throws {
        #expect(throws: JSONText.ParseError.invalid("the line is not UTF-8")) {
            try JSONText.parse([UInt8](#"{"s": ""#.utf8) + [0xFF, 0xFE] + [UInt8](#""}"#.utf8))
        }
        #expect(try JSONText.parse(#"{"s": "Алматы"}"#) == .object(["s": .string("Алматы")]))
    }

    /// `Double("1e400")` is infinity: the wire refuses it like `Infinity`; data files keep it.
    @Test func outOfRangeNumbersAreNonFinite() throws {
        #expect(throws: JSONText.ParseError.self) { try JSONText.parse(#"{"id": 1e400}"#) }
        #expect(throws: JSONText.ParseError.self) { try JSONText.parse("[-1e400]") }
        #expect(try JSONParser.parse("[1e400]") == .array([.double(.infinity)]))
    }

    /// The wire writes big integers exactly; the content hash sees them as the doubles they round
    /// to, as it did when record numbers were read as doubles, so stored datasets keep their hash.
    @Test func bigIntegersAreExactOnTheWireAndAsBeforeInTheHash() throws {
        let value = try JSONParser.parse("[9007199254740993, 9007199254740991]")
        #expect(try JSONText.serialize(value) == "[9007199254740993,9007199254740991]")
        #expect(value.canonicalText == "[9007199254740992.0,9007199254740991]")
    }

    @Test func syntaxErrorsCarryLineAndColumn() {
        do {
            _ = try JSONParser.parse("{\n  \"a\": 1,\n  \"b\": ]\n}")
            Issue.record("expected an error")
        } catch {
            // `parse` throws only `JSONSyntaxError` (typed throws).
            #expect(error.line == 3)
            #expect(error.column == 8)
        }
        #expect(throws: JSONSyntaxError.self) { try JSONParser.parse(#"{"a": 1"#) }
        #expect(throws: JSONSyntaxError.self) { try JSONParser.parse("[1,]") }
        #expect(throws: JSONSyntaxError.self) { try JSONParser.parse("01") }
        #expect(throws: JSONSyntaxError.self) { try JSONParser.parse("[1] x") }
    }

    /// References: Foundation's parser must read our canonical text back to the same values,
    /// ours must read Foundation's output to the same values, and the wire parser must agree
    /// with decoding through `JSONDecoder` (the slow, obviously correct way it used to work),
    /// for random documents.
    @Test func agreesWithFoundationOnRandomDocuments() throws {
        var rng = SplitMix64(seed: 42)
        for _ in 0..<300 {
            let value = randomValue(&rng, depth: 0)
            let text = value.canonicalText
            #expect(try JSONParser.parse(text) == value)
            #expect(try JSONText.parse(text) == JSONDecoder().decode(JSONValue.self, from: Data(text.utf8)), "\(text)")
            #expect(try JSONText.serialize(value) == text)
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
            // Canonical numbers: integral values are integers, the rest doubles.
            let d = Double(Int64(bitPattern: rng.next()) % 1_000_000) / Double(1 + rng.next() % 1000)
            return d == d.rounded() ? .int(Int64(d)) : .double(d)
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
