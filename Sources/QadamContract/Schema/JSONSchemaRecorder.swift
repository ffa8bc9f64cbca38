/// Describes a `Decodable` type as a JSON Schema by decoding one from nothing:
/// a decoder that answers every question with a stand-in value and writes down what was asked
/// (the members, which are optional, their types). So the schema comes from the very `Codable`
/// code that reads the wire, and cannot drift from it; `docs/openrpc.json` is made from it.
///
/// What it cannot see is said leniently rather than wrongly: a type whose decoding refuses the
/// stand-ins (dynamic member names, say) is an object of any members, and `JSONValue` is
/// anything. Objects allow members beyond those listed, as the daemon's readers do.
public enum JSONSchemaRecorder {
    public static func schema<T: Decodable>(of type: T.Type) -> JSONValue {
        (try? Shape.of(type, depth: 0).shape.json) ?? [:]
    }
}

/// What one value was found to be.
indirect enum Shape {
    case any, string, integer, number, boolean
    case enumeration([String])
    case array(Shape)
    case tuple([Shape])
    case object([(name: String, shape: Shape, required: Bool)])
    case nullable(Shape)

    var json: JSONValue {
        switch self {
        case .any: return [:]
        case .string: return ["type": "string"]
        case .integer: return ["type": "integer"]
        case .number: return ["type": "number"]
        case .boolean: return ["type": "boolean"]
        case .enumeration(let words): return ["type": "string", "enum": .array(words.map(JSONValue.string))]
        case .array(let items): return ["type": "array", "items": items.json]
        case .tuple(let items):
            // OpenRPC 1.3 takes draft-07 schemas, which have no `prefixItems`; a tuple of one
            // kind (a coordinate's two numbers, the only tuples here) says the same in both.
            let size: JSONValue = .int(Int64(items.count))
            if let first = items.first, items.allSatisfy({ $0.json == first.json }) {
                return ["type": "array", "items": first.json, "minItems": size, "maxItems": size]
            }
            return ["type": "array", "prefixItems": .array(items.map(\.json)), "minItems": size, "maxItems": size]
        case .object(let members):
            var properties: [String: JSONValue] = [:]
            for member in members { properties[member.name] = member.shape.json }
            let required = members.filter(\.required).map { JSONValue.string($0.name) }
            return ["type": "object", "properties": .object(properties), "required": .array(required)]
        case .nullable(let shape): return ["anyOf": [shape.json, ["type": "null"]]]
        }
    }

    /// Types the stand-ins cannot pass through, or that say more than their decoding shows.
    private static func known<T>(_ type: T.Type) -> (shape: Shape, value: T)? {
        if type == JSONValue.self { return (.any, JSONValue.null as! T) }
        // Its decoding checks `type`, which a stand-in string would not pass.
        if type == LineString.self {
            let position = Shape.tuple([.number, .number])
            return (.object([("type", .enumeration(["LineString"]), true), ("coordinates", .array(position), true)]),
                    LineString(coordinates: []) as! T)
        }
        if let words = type as? any (CaseIterable & RawRepresentable<String>).Type { return vocabulary(words) as? (Shape, T) }
        return nil
    }

    private static func vocabulary<E: CaseIterable & RawRepresentable<String>>(_ type: E.Type) -> (Shape, E)? {
        guard let first = E.allCases.first else { return nil }
        return (.enumeration(E.allCases.map(\.rawValue)), first)
    }

    private static func standInInteger<T>(_ type: T.Type) -> T? {
        switch type {
        case is Int.Type: return (0 as Int) as? T
        case is Int8.Type: return (0 as Int8) as? T
        case is Int16.Type: return (0 as Int16) as? T
        case is Int32.Type: return (0 as Int32) as? T
        case is Int64.Type: return (0 as Int64) as? T
        case is UInt.Type: return (0 as UInt) as? T
        case is UInt8.Type: return (0 as UInt8) as? T
        case is UInt16.Type: return (0 as UInt16) as? T
        case is UInt32.Type: return (0 as UInt32) as? T
        case is UInt64.Type: return (0 as UInt64) as? T
        default: return nil
        }
    }

    /// The shape of `T` and a value of it made of stand-ins.
    static func of<T: Decodable>(_ type: T.Type, depth: Int) throws -> (shape: Shape, value: T) {
        if let known = known(type) { return known }
        if type == String.self { return (.string, "" as! T) }
        if type == Bool.self { return (.boolean, false as! T) }
        if type == Double.self { return (.number, 0.0 as! T) }
        if type == Float.self { return (.number, Float(0) as! T) }
        if let integer = standInInteger(type) { return (.integer, integer) }
        guard depth < 24 else { throw StandInDecoder.Refusal() } // a type that contains itself
        let node = Node()
        let value = try T(from: StandInDecoder(node: node, depth: depth + 1))
        return (node.shape, value)
    }
}

/// What the decoding of one value asked for, filled in as it asks.
final class Node {
    var members: [(name: String, shape: Shape, required: Bool)] = []
    var elements: [Shape] = []
    var askedForEnd = false
    var single: Shape?
    var kind: Kind = .unknown
    enum Kind { case unknown, keyed, unkeyed, single }

    var shape: Shape {
        switch kind {
        case .unknown: return .any
        case .single: return single ?? .any
        case .keyed: return .object(members)
        case .unkeyed:
            if askedForEnd { return .array(elements.first ?? .any) }
            return .tuple(elements)
        }
    }

    func add(_ name: String, _ shape: Shape, required: Bool) {
        if let i = members.firstIndex(where: { $0.name == name }) {
            members[i] = (name, shape, members[i].required || required)
        } else {
            members.append((name, shape, required))
        }
    }
}

struct StandInDecoder: Decoder {
    struct Refusal: Error {}
    let node: Node
    let depth: Int
    var codingPath: [any CodingKey] = []
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    init(node: Node, depth: Int) {
        self.node = node
        self.depth = depth
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        node.kind = .keyed
        return KeyedDecodingContainer(Keyed<Key>(node: node, depth: depth))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        node.kind = .unkeyed
        return Unkeyed(node: node, depth: depth)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        node.kind = .single
        return Single(node: node, depth: depth)
    }

    struct Keyed<Key: CodingKey>: KeyedDecodingContainerProtocol {
        let node: Node
        let depth: Int
        var codingPath: [any CodingKey] { [] }
        var allKeys: [Key] { [] }

        func contains(_ key: Key) -> Bool { true }
        func decodeNil(forKey key: Key) throws -> Bool { false }

        func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T { try decode(type, generic: key) }
        func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? { try decodeIfPresent(type, generic: key) }
        // The standard library's own `decodeIfPresent` for each primitive would ask `decode` and
        // so mark the member required; these keep it optional. (`decode`'s primitive
        // requirements are met by the generic method.)
        func decodeIfPresent(_ type: Bool.Type, forKey key: Key) throws -> Bool? { try decodeIfPresent(type as Bool.Type, generic: key) }
        func decodeIfPresent(_ type: String.Type, forKey key: Key) throws -> String? { try decodeIfPresent(type as String.Type, generic: key) }
        func decodeIfPresent(_ type: Double.Type, forKey key: Key) throws -> Double? { try decodeIfPresent(type as Double.Type, generic: key) }
        func decodeIfPresent(_ type: Float.Type, forKey key: Key) throws -> Float? { try decodeIfPresent(type as Float.Type, generic: key) }
        func decodeIfPresent(_ type: Int.Type, forKey key: Key) throws -> Int? { try decodeIfPresent(type as Int.Type, generic: key) }
        func decodeIfPresent(_ type: Int8.Type, forKey key: Key) throws -> Int8? { try decodeIfPresent(type as Int8.Type, generic: key) }
        func decodeIfPresent(_ type: Int16.Type, forKey key: Key) throws -> Int16? { try decodeIfPresent(type as Int16.Type, generic: key) }
        func decodeIfPresent(_ type: Int32.Type, forKey key: Key) throws -> Int32? { try decodeIfPresent(type as Int32.Type, generic: key) }
        func decodeIfPresent(_ type: Int64.Type, forKey key: Key) throws -> Int64? { try decodeIfPresent(type as Int64.Type, generic: key) }
        func decodeIfPresent(_ type: UInt.Type, forKey key: Key) throws -> UInt? { try decodeIfPresent(type as UInt.Type, generic: key) }
        func decodeIfPresent(_ type: UInt8.Type, forKey key: Key) throws -> UInt8? { try decodeIfPresent(type as UInt8.Type, generic: key) }
        func decodeIfPresent(_ type: UInt16.Type, forKey key: Key) throws -> UInt16? { try decodeIfPresent(type as UInt16.Type, generic: key) }
        func decodeIfPresent(_ type: UInt32.Type, forKey key: Key) throws -> UInt32? { try decodeIfPresent(type as UInt32.Type, generic: key) }
        func decodeIfPresent(_ type: UInt64.Type, forKey key: Key) throws -> UInt64? { try decodeIfPresent(type as UInt64.Type, generic: key) }

        private func decode<T: Decodable>(_ type: T.Type, generic key: Key) throws -> T {
            let (shape, value) = try Shape.of(type, depth: depth)
            node.add(key.stringValue, shape, required: true)
            return value
        }

        private func decodeIfPresent<T: Decodable>(_ type: T.Type, generic key: Key) throws -> T? {
            let (shape, value) = try Shape.of(type, depth: depth)
            node.add(key.stringValue, .nullable(shape), required: false)
            return value
        }

        func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
            let nested = Node()
            nested.kind = .keyed
            node.add(key.stringValue, .any, required: true)
            return KeyedDecodingContainer(Keyed<NestedKey>(node: nested, depth: depth + 1))
        }

        func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
            node.add(key.stringValue, .array(.any), required: true)
            return Unkeyed(node: Node(), depth: depth + 1)
        }

        func superDecoder() throws -> any Decoder { StandInDecoder(node: node, depth: depth) }
        func superDecoder(forKey key: Key) throws -> any Decoder { StandInDecoder(node: Node(), depth: depth + 1) }
    }

    /// An array reads one element then says it has ended; a fixed tuple (a coordinate) reads
    /// its elements without asking, and is written down as one.
    final class Unkeyed: UnkeyedDecodingContainer {
        let node: Node
        let depth: Int
        var codingPath: [any CodingKey] { [] }
        var count: Int? { nil }
        var currentIndex = 0
        var isAtEnd: Bool {
            node.askedForEnd = true
            return currentIndex >= 1
        }

        init(node: Node, depth: Int) {
            self.node = node
            self.depth = depth
        }

        func decodeNil() throws -> Bool { false }

        func decode<T: Decodable>(_ type: T.Type) throws -> T { try element(type) }

        private func element<T: Decodable>(_ type: T.Type) throws -> T {
            let (shape, value) = try Shape.of(type, depth: depth)
            node.elements.append(shape)
            currentIndex += 1
            return value
        }

        func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
            currentIndex += 1
            node.elements.append(.any)
            return KeyedDecodingContainer(Keyed<NestedKey>(node: Node(), depth: depth + 1))
        }

        func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
            currentIndex += 1
            node.elements.append(.array(.any))
            return Unkeyed(node: Node(), depth: depth + 1)
        }

        func superDecoder() throws -> any Decoder { StandInDecoder(node: Node(), depth: depth + 1) }
    }

    struct Single: SingleValueDecodingContainer {
        let node: Node
        let depth: Int
        var codingPath: [any CodingKey] { [] }

        func decodeNil() -> Bool { false }

        func decode<T: Decodable>(_ type: T.Type) throws -> T { try value(type) }

        private func value<T: Decodable>(_ type: T.Type) throws -> T {
            let (shape, value) = try Shape.of(type, depth: depth)
            node.single = shape
            return value
        }
    }
}
