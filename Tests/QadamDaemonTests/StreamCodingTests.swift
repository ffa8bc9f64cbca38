import Foundation
import QadamGeo
import QadamContract
import Testing

/// `JSONStreamEncoder` and `JSONValueDecoder` held to Foundation's `JSONEncoder` and
/// `JSONDecoder` (the slow, obviously correct references they replace on the wire) on random
/// values: same JSON out, same values in, same errors at the same coding paths.
@Suite struct StreamCodingTests {
    enum Colour: String, Codable, CaseIterable { case red, green, blue }

    struct Leaf: Codable, Equatable {
        var name: String
        var weight: Double?
        var count: Int
        var flag: Bool
        var at: Coordinate
        var colour: Colour
    }

    /// Encodes a nested member first, then its own keys into the same object (as the method
    /// results that flatten a shared echo, like `TravelEcho`, do), plus nested containers.
    struct Flattened: Codable, Equatable {
        var leaf: Leaf
        var tags: [String]
        var extra: JSONValue

        enum CodingKeys: String, CodingKey { case tags, extra, nested, list }
        enum NestedKeys: String, CodingKey { case first, second }

        func encode(to encoder: Encoder) throws {
            try leaf.encode(to: encoder)
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(tags, forKey: .tags)
            var nested = c.nestedContainer(keyedBy: NestedKeys.self, forKey: .nested)
            try nested.encode(tags.count, forKey: .first)
            try nested.encode(leaf.name, forKey: .second)
            var list = c.nestedUnkeyedContainer(forKey: .list)
            for tag in tags { try list.encode(tag.count) }
            try c.encode(extra, forKey: .extra)
        }

        init(leaf: Leaf, tags: [String], extra: JSONValue) {
            self.leaf = leaf
            self.tags = tags
            self.extra = extra
        }

        init(from decoder: Decoder) throws {
            leaf = try Leaf(from: decoder)
            let c = try decoder.container(keyedBy: CodingKeys.self)
            tags = try c.decode([String].self, forKey: .tags)
            extra = try c.decode(JSONValue.self, forKey: .extra)
        }
    }

    struct Root: Codable, Equatable {
        var id: Int64
        var leaves: [Leaf]
        var byName: [String: Double]
        var flattened: Flattened?
        var matrix: [[Double?]]
        /// A plain number list: `JSONValueDecoder` reads these without a container.
        var weights: [Double]
        var empty: [Int]
        var note: String?
    }

    static func randomString(_ r: inout SplitMix64) -> String {
        let pieces = ["a", "Б", "ё", " ", "\"", "\\", "\n", "\t", "\u{01}", "🙂", "Қ", "/", "x"]
        return (0..<Int(r.next() % 8)).map { _ in pieces[Int(r.next() % UInt64(pieces.count))] }.joined()
    }

    static func randomDouble(_ r: inout SplitMix64) -> Double {
        switch r.next() % 5 {
        case 0: return Double(Int64(bitPattern: r.next()) % 1000)
        case 1: return Double(bitPattern: (r.next() & 0x7FEF_FFFF_FFFF_FFFF) | 0x3000_0000_0000_0000) * (r.next() % 2 == 0 ? 1 : -1)
        case 2: return 0.1 * Double(r.next() % 100)
        case 3: return -0.0
        default: return Double(r.next() % 1_000_000) / 7
        }
    }

    static func randomJSON(_ r: inout SplitMix64, depth: Int = 0) -> JSONValue {
        switch r.next() % (depth > 2 ? 5 : 7) {
        case 0: return .null
        case 1: return .bool(r.next() % 2 == 0)
        case 2: return .int(Int64(bitPattern: r.next()) >> Int64(r.next() % 63))
        case 3: return .double(randomDouble(&r))
        case 4: return .string(randomString(&r))
        case 5: return .array((0..<Int(r.next() % 4)).map { _ in randomJSON(&r, depth: depth + 1) })
        default:
            var members: [String: JSONValue] = [:]
            for _ in 0..<Int(r.next() % 4) { members[randomString(&r)] = randomJSON(&r, depth: depth + 1) }
            return .object(members)
        }
    }

    static func randomLeaf(_ r: inout SplitMix64) -> Leaf {
        Leaf(name: randomString(&r), weight: r.next() % 3 == 0 ? nil : randomDouble(&r), count: Int(Int64(bitPattern: r.next()) >> 20),
             flag: r.next() % 2 == 0, at: Coordinate(lon: randomDouble(&r), lat: randomDouble(&r)),
             colour: Colour.allCases[Int(r.next() % 3)])
    }

    static func randomRoot(_ r: inout SplitMix64) -> Root {
        var byName: [String: Double] = [:]
        for _ in 0..<Int(r.next() % 4) { byName[randomString(&r)] = randomDouble(&r) }
        return Root(id: Int64(bitPattern: r.next()),
                    leaves: (0..<Int(r.next() % 4)).map { _ in randomLeaf(&r) },
                    byName: byName,
                    flattened: r.next() % 4 == 0 ? nil : Flattened(leaf: randomLeaf(&r), tags: (0..<Int(r.next() % 3)).map { _ in randomString(&r) },
                                                                   extra: randomJSON(&r)),
                    matrix: (0..<Int(r.next() % 3)).map { _ in (0..<Int(r.next() % 3)).map { _ in r.next() % 4 == 0 ? nil : randomDouble(&r) } },
                    weights: (0..<Int(r.next() % 4)).map { _ in randomDouble(&r) },
                    empty: [], note: r.next() % 2 == 0 ? nil : randomString(&r))
    }

    /// A string-keyed dictionary is written with its keys sorted, at any depth, so an answer is
    /// the same text in every process (a dictionary's own order is not).
    @Test func stringKeyedDictionariesAreWrittenInKeyOrder() throws {
        struct Holder: Encodable { let counts: [String: Int]; let nested: [[String: [String: Bool]]] }
        var r = SplitMix64(seed: 5)
        for _ in 0..<200 {
            let keys = (0..<Int(r.next() % 12)).map { _ in String(r.next() % 1000) }
            let counts = Dictionary(keys.map { ($0, Int(r.next() % 9)) }, uniquingKeysWith: +)
            let inner = Dictionary(keys.map { ($0, r.next() % 2 == 0) }, uniquingKeysWith: { a, _ in a })
            let text = try JSONStreamEncoder.encode(Holder(counts: counts, nested: [["x": inner, "a": [:]]]))
            let sorted = counts.keys.sorted().map { "\(JSONText.quoted($0)):\(counts[$0]!)" }.joined(separator: ",")
            let innerSorted = inner.keys.sorted().map { "\(JSONText.quoted($0)):\(inner[$0]!)" }.joined(separator: ",")
            #expect(text == #"{"counts":{\#(sorted)},"nested":[{"a":{},"x":{\#(innerSorted)}}]}"#)
        }
    }

    @Test func streamEncoderWritesWhatJSONEncoderWrites() throws {
        var r = SplitMix64(seed: 12)
        for _ in 0..<2_000 {
            let root = Self.randomRoot(&r)
            let streamed = try JSONStreamEncoder.encode(root)
            let reference = try JSONText.parse(JSONEncoder().encode(root), maximumDepth: .max)
            #expect(try JSONText.parse(streamed) == reference, "\(streamed)")
            #expect(!streamed.contains("\n"))
        }
    }

    @Test func streamEncoderWritesJSONValuesCanonically() throws {
        var r = SplitMix64(seed: 3)
        for _ in 0..<2_000 {
            let value = Self.randomJSON(&r)
            #expect(try JSONStreamEncoder.encode(value) == JSONText.serialize(value))
        }
    }

    @Test func streamEncoderRefusesNonFiniteNumbersAndNamesWhere() {
        var random = SplitMix64(seed: 1)
        var leaf = Self.randomLeaf(&random)
        leaf.weight = .nan
        let root = Root(id: 1, leaves: [leaf, leaf], byName: [:], flattened: nil, matrix: [], weights: [], empty: [], note: nil)
        #expect {
            try JSONStreamEncoder.encode(root)
        } throws: { error in
            guard case EncodingError.invalidValue(_, let context) = error else { return false }
            return context.codingPath.map(\.stringValue) == ["leaves", "Index 0", "weight"]
        }
    }

    /// The error as the daemon reports it: what kind, at which path.
    static func summary(_ error: Error) -> String {
        func path(_ keys: [CodingKey]) -> String {
            keys.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
        }
        switch error {
        case DecodingError.keyNotFound(let key, let c): return "missing \(path(c.codingPath + [key]))"
        case DecodingError.typeMismatch(_, let c): return "type \(path(c.codingPath))"
        case DecodingError.valueNotFound(_, let c): return "null \(path(c.codingPath))"
        case DecodingError.dataCorrupted(let c): return "corrupt \(path(c.codingPath))"
        default: return "other \(error)"
        }
    }

    /// Perturbs one random spot of a valid value: a wrong type, a null, a missing member, a
    /// fractional integer.
    static func damaged(_ value: JSONValue, _ r: inout SplitMix64) -> JSONValue {
        switch value {
        case .object(var members) where !members.isEmpty && r.next() % 3 != 0:
            let key = members.keys.sorted()[Int(r.next() % UInt64(members.count))]
            if r.next() % 5 == 0 { members[key] = nil } else { members[key] = damaged(members[key]!, &r) }
            return .object(members)
        case .array(var items) where !items.isEmpty && r.next() % 3 != 0:
            let i = Int(r.next() % UInt64(items.count))
            items[i] = damaged(items[i], &r)
            return .array(items)
        // Below 2^52, so the half survives (a double beyond 2^53 read as an integer goes
        // through the double here, where JSONDecoder reads its decimal digits).
        case .int(let i) where r.next() % 2 == 0: return .double(Double(i % (1 << 52)) + 0.5)
        default:
            return [.null, .string("x"), .int(1), .double(2.5), .bool(true), .array([]), .object([:])][Int(r.next() % 7)]
        }
    }

    @Test func valueDecoderAgreesWithJSONDecoderOnValidAndDamagedInput() throws {
        var r = SplitMix64(seed: 7)
        var failures = 0
        for round in 0..<3_000 {
            var value = try JSONText.parse(JSONStreamEncoder.encode(Self.randomRoot(&r)))
            if round % 3 != 0 { value = Self.damaged(value, &r) }
            let fast = Result { try JSONValueDecoder.decode(Root.self, from: value) }
            let reference = Result { try JSONDecoder().decode(Root.self, from: Data(JSONText.serialize(value).utf8)) }
            switch (fast, reference) {
            case (.success(let a), .success(let b)):
                let (textA, textB) = (try JSONStreamEncoder.encode(a), try JSONStreamEncoder.encode(b))
                #expect(try JSONText.parse(textA) == JSONText.parse(textB), "\(textA) vs \(textB)")
            case (.failure(let a), .failure(let b)):
                failures += 1
                if Self.summary(b) == "corrupt " {
                    // JSONDecoder loses the path of a fractional integer; ours names the field.
                    #expect(Self.summary(a).hasPrefix("type ."), "\(value.canonicalText)")
                } else {
                    // JSONDecoder calls a null Bool a type mismatch, other nulls missing values.
                    func loose(_ s: String) -> String { s.replacingOccurrences(of: "null ", with: "type ") }
                    #expect(loose(Self.summary(a)) == loose(Self.summary(b)), "\(value.canonicalText)")
                }
            default:
                Issue.record("decoders disagree on \(value.canonicalText): \(fast) vs \(reference)")
            }
        }
        #expect(failures > 500)
    }
}
