/// Decodes a `Decodable` straight from a parsed `JSONValue`.
///
/// The daemon used to write a request's `params` back to text and hand it to `JSONDecoder`:
/// a second parse of every request. This reads the value it already has. Errors are the
/// `DecodingError`s `JSONDecoder` throws, with the same coding paths, so the -32602 messages
/// naming a field (`points[3]`, `profile`) are unchanged. Numbers follow `JSONDecoder` too: an
/// integer field takes `3` or `3.0` but not `3.5`, a number field takes either. One difference:
/// an integer field given in float form beyond 2^53 (`7.4e18`) is read through its double,
/// where `JSONDecoder` reads the decimal digits; integer literals are exact in both.
public enum JSONValueDecoder {
    public static func decode<T: Decodable>(_ type: T.Type, from value: JSONValue,
                                            userInfo: [CodingUserInfoKey: any Sendable] = [:]) throws -> T {
        if T.self == JSONValue.self { return value as! T }
        return try T(from: ValueDecoder(value: value, codingPath: [], info: userInfo.isEmpty ? .none : DecodingInfo(userInfo)))
    }
}

/// The decoder's `userInfo`, shared by every container of one decoding.
private final class DecodingInfo: Sendable {
    let userInfo: [CodingUserInfoKey: any Sendable]
    init(_ userInfo: [CodingUserInfoKey: any Sendable]) { self.userInfo = userInfo }
    static let none = DecodingInfo([:])
}

private struct ValueDecoder: Decoder {
    let value: JSONValue
    let codingPath: [any CodingKey]
    let info: DecodingInfo
    var userInfo: [CodingUserInfoKey: Any] { info.userInfo }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard case .object(let members) = value else { throw mismatch([String: JSONValue].self, value, codingPath) }
        return KeyedDecodingContainer(ValueKeyedContainer<Key>(members: members, codingPath: codingPath, info: info))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard case .array(let items) = value else { throw mismatch([JSONValue].self, value, codingPath) }
        return ValueUnkeyedContainer(items: items, codingPath: codingPath, info: info)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        ValueSingleContainer(value: value, codingPath: codingPath, info: info)
    }
}

private func mismatch(_ type: Any.Type, _ value: JSONValue, _ path: [any CodingKey]) -> DecodingError {
    if value == .null {
        return .valueNotFound(type, .init(codingPath: path, debugDescription: "Expected \(type) but found null instead."))
    }
    return .typeMismatch(type, .init(codingPath: path, debugDescription: "Expected \(type) but found \(value.typeName) instead."))
}

/// One value as a Swift scalar, or the `DecodingError` `JSONDecoder` would throw for it.
/// The path is built only for an error: building it for every member read cost more than the read.
private func scalar<T>(_ type: T.Type, _ value: JSONValue, _ path: @autoclosure () -> [any CodingKey]) throws -> T {
    if case .null = value {
        throw DecodingError.valueNotFound(type, .init(codingPath: path(), debugDescription: "Expected \(type) value but found null instead."))
    }
    switch type {
    case is String.Type: if case .string(let s) = value { return s as! T }
    case is Bool.Type: if case .bool(let b) = value { return b as! T }
    case is Double.Type: if let d = value.doubleValue { return d as! T }
    case is Float.Type: if let d = value.doubleValue { return Float(d) as! T }
    default:
        guard let integer = type as? any FixedWidthInteger.Type else { break }
        let converted: (any FixedWidthInteger)?
        switch value {
        case .int(let i): converted = integer.init(exactly: i)
        case .double(let d) where d == d.rounded(): converted = integer.init(exactly: d)
        default: throw mismatch(type, value, path()) // a fraction names its field, where JSONDecoder names none
        }
        guard let converted else {
            throw DecodingError.dataCorrupted(.init(codingPath: path(), debugDescription: "Number \(value) does not fit in \(type)."))
        }
        return converted as! T
    }
    throw mismatch(type, value, path())
}

private func decodeValue<T: Decodable>(_ type: T.Type, _ value: JSONValue, _ path: @autoclosure () -> [any CodingKey],
                                       _ info: DecodingInfo) throws -> T {
    switch type {
    case is JSONValue.Type: return value as! T
    case is String.Type, is Bool.Type, is Double.Type, is Int.Type, is Int64.Type: return try scalar(type, value, path())
    case is [Double].Type:
        // Coordinates and number lists (an audit request has a thousand): read in place rather
        // than through an unkeyed container per list.
        guard case .array(let items) = value else { throw mismatch(type, value, path()) }
        return try items.indices.map { i in try scalar(Double.self, items[i], path() + [ArrayIndexKey(i)]) } as! T
    default: return try T(from: ValueDecoder(value: value, codingPath: path(), info: info))
    }
}

private struct ValueKeyedContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let members: [String: JSONValue]
    let codingPath: [any CodingKey]
    let info: DecodingInfo

    var allKeys: [Key] { members.keys.compactMap { Key(stringValue: $0) } }

    func contains(_ key: Key) -> Bool { members[key.stringValue] != nil }

    private func member(_ key: Key) throws -> JSONValue {
        guard let value = members[key.stringValue] else {
            throw DecodingError.keyNotFound(key, .init(codingPath: codingPath, debugDescription: "No value associated with key \(key.stringValue)."))
        }
        return value
    }

    func decodeNil(forKey key: Key) throws -> Bool { try member(key) == .null }

    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try scalar(type, member(key), codingPath + [key]) }
    func decode(_ type: String.Type, forKey key: Key) throws -> String { try scalar(type, member(key), codingPath + [key]) }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try scalar(type, member(key), codingPath + [key]) }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float { try scalar(type, member(key), codingPath + [key]) }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try scalar(type, member(key), codingPath + [key]) }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try scalar(type, member(key), codingPath + [key]) }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try scalar(type, member(key), codingPath + [key]) }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try scalar(type, member(key), codingPath + [key]) }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try scalar(type, member(key), codingPath + [key]) }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try scalar(type, member(key), codingPath + [key]) }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try scalar(type, member(key), codingPath + [key]) }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try scalar(type, member(key), codingPath + [key]) }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try scalar(type, member(key), codingPath + [key]) }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try scalar(type, member(key), codingPath + [key]) }
    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        try decodeValue(type, member(key), codingPath + [key], info)
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        try ValueDecoder(value: member(key), codingPath: codingPath + [key], info: info).container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        try ValueDecoder(value: member(key), codingPath: codingPath + [key], info: info).unkeyedContainer()
    }

    func superDecoder() throws -> any Decoder {
        ValueDecoder(value: .object(members), codingPath: codingPath, info: info)
    }

    func superDecoder(forKey key: Key) throws -> any Decoder {
        ValueDecoder(value: members[key.stringValue] ?? .null, codingPath: codingPath + [key], info: info)
    }
}

private struct ValueUnkeyedContainer: UnkeyedDecodingContainer {
    let items: [JSONValue]
    let codingPath: [any CodingKey]
    let info: DecodingInfo
    var currentIndex = 0

    init(items: [JSONValue], codingPath: [any CodingKey], info: DecodingInfo) {
        self.items = items
        self.codingPath = codingPath
        self.info = info
    }

    var count: Int? { items.count }
    var isAtEnd: Bool { currentIndex >= items.count }

    private var indexPath: [any CodingKey] { codingPath + [ArrayIndexKey(currentIndex)] }

    private mutating func next<T>(_ type: T.Type) throws -> JSONValue {
        guard !isAtEnd else {
            throw DecodingError.valueNotFound(type, .init(codingPath: indexPath, debugDescription: "Unkeyed container is at end."))
        }
        return items[currentIndex]
    }

    mutating func decodeNil() throws -> Bool {
        guard try next(JSONValue.self) == .null else { return false }
        currentIndex += 1
        return true
    }

    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
        let value = try decodeValue(type, next(type), indexPath, info)
        currentIndex += 1
        return value
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        let container = try ValueDecoder(value: next(type), codingPath: indexPath, info: info).container(keyedBy: type)
        currentIndex += 1
        return container
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        let container = try ValueDecoder(value: next([JSONValue].self), codingPath: indexPath, info: info).unkeyedContainer()
        currentIndex += 1
        return container
    }

    mutating func superDecoder() throws -> any Decoder {
        let decoder = ValueDecoder(value: try next(JSONValue.self), codingPath: indexPath, info: info)
        currentIndex += 1
        return decoder
    }
}

private struct ValueSingleContainer: SingleValueDecodingContainer {
    let value: JSONValue
    let codingPath: [any CodingKey]
    let info: DecodingInfo

    func decodeNil() -> Bool { value == .null }
    func decode(_ type: Bool.Type) throws -> Bool { try scalar(type, value, codingPath) }
    func decode(_ type: String.Type) throws -> String { try scalar(type, value, codingPath) }
    func decode(_ type: Double.Type) throws -> Double { try scalar(type, value, codingPath) }
    func decode(_ type: Float.Type) throws -> Float { try scalar(type, value, codingPath) }
    func decode(_ type: Int.Type) throws -> Int { try scalar(type, value, codingPath) }
    func decode(_ type: Int8.Type) throws -> Int8 { try scalar(type, value, codingPath) }
    func decode(_ type: Int16.Type) throws -> Int16 { try scalar(type, value, codingPath) }
    func decode(_ type: Int32.Type) throws -> Int32 { try scalar(type, value, codingPath) }
    func decode(_ type: Int64.Type) throws -> Int64 { try scalar(type, value, codingPath) }
    func decode(_ type: UInt.Type) throws -> UInt { try scalar(type, value, codingPath) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try scalar(type, value, codingPath) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try scalar(type, value, codingPath) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try scalar(type, value, codingPath) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try scalar(type, value, codingPath) }
    func decode<T: Decodable>(_ type: T.Type) throws -> T { try decodeValue(type, value, codingPath, info) }
}
