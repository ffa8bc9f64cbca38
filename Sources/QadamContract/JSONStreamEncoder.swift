/// Encodes an `Encodable` straight to compact JSON text, with no tree in between.
///
/// `JSONEncoder` builds a value tree, writes it, and the daemon then parsed that text back into a
/// `JSONValue` to add `snapshot` and serialised it again: three passes and a dictionary per
/// object for every answer (a quarter of a `nearest` call). This writes each value once, in the
/// order the type encodes it. Numbers and strings are written as `JSONWriter` writes them, so a
/// result reads back equal to what the tree path gave; `JSONValue` members go through
/// `JSONWriter` whole. NaN and infinities are an `EncodingError` naming where they are.
///
/// Containers are written as they are asked for: a nested container is closed when its parent
/// writes again, which fits every synthesised and hand-written `encode(to:)` in the tree (they
/// fill a container before moving on). Asking twice for a keyed container at one level merges
/// the members into one object, as `JSONEncoder` does.
///
/// A top-level value that is `JSONTextWritable` writes itself instead (the hot results).
public enum JSONStreamEncoder {
    public static func encode<T: Encodable>(_ value: T, into out: inout String,
                                            userInfo: [CodingUserInfoKey: any Sendable] = [:]) throws(EncodingError) {
        if let writable = value as? any JSONTextWritable {
            var writer = JSONTextWriter()
            try writable.writeJSON(to: &writer)
            out = writer.text
            return
        }
        let encoder = StreamEncoder(out: out, userInfo: userInfo)
        out = ""
        do {
            try encoder.encodeChild(value, key: nil)
        } catch let error as EncodingError {
            throw error
        } catch {
            throw EncodingError.invalidValue(value, .init(codingPath: [], debugDescription: "\(error)"))
        }
        out = encoder.out
    }

    public static func encode<T: Encodable>(_ value: T,
                                            userInfo: [CodingUserInfoKey: any Sendable] = [:]) throws(EncodingError) -> String {
        var out = ""
        try encode(value, into: &out, userInfo: userInfo)
        return out
    }
}

/// The state behind the containers: the text so far and one frame per value being written.
private final class StreamEncoder: Encoder {
    enum Shape { case empty, object, array, scalar }
    struct Frame {
        var shape: Shape = .empty
        var count = 0
        let key: (any CodingKey)?
    }

    var out: String
    var frames: [Frame] = []
    let userInfo: [CodingUserInfoKey: Any]

    init(out: String, userInfo: [CodingUserInfoKey: any Sendable]) {
        self.out = out
        self.userInfo = userInfo
    }

    var codingPath: [any CodingKey] { frames.compactMap(\.key) }

    /// Writes one value as a new frame and closes what it opened.
    func encodeChild<T: Encodable>(_ value: T, key: (any CodingKey)?) throws {
        if T.self == JSONValue.self, let json = value as? JSONValue {
            return try write(json, at: codingPath + (key.map { [$0] } ?? []))
        }
        let depth = frames.count
        frames.append(Frame(key: key))
        if let dictionary = value as? any StringKeyedDictionary {
            try dictionary.encodeSorted(to: self)
        } else {
            try value.encode(to: self)
        }
        closeFrames(downTo: depth)
    }

    /// A `JSONValue` written whole by `JSONWriter`; a non-finite number in it is an error
    /// naming where it is.
    func write(_ json: JSONValue, at path: @autoclosure () -> [any CodingKey]) throws {
        guard JSONWriter.write(json, to: &out, nonFinite: .fail) else {
            throw EncodingError.invalidValue(json, .init(codingPath: path(),
                debugDescription: "cannot write non-finite number at \(JSONWriter.firstNonFinitePath(in: json, at: "$") ?? "$") as JSON"))
        }
    }

    /// Closes every frame above `depth`; a value that wrote nothing is `{}`, as in `JSONEncoder`.
    func closeFrames(downTo depth: Int) {
        while frames.count > depth {
            switch frames.removeLast().shape {
            case .empty: out += "{}"
            case .object: out += "}"
            case .array: out += "]"
            case .scalar: break
            }
        }
    }

    /// Makes the frame at `index` (the one a container was made for) the innermost open one,
    /// and starts it as `shape` if it has not started.
    func open(_ index: Int, as shape: Shape) {
        closeFrames(downTo: index + 1)
        guard frames[index].shape == .empty else { return }
        frames[index].shape = shape
        out += shape == .object ? "{" : "["
    }

    /// Writes the separator before the next member or element of the frame at `index`.
    func nextItem(in index: Int) {
        closeFrames(downTo: index + 1)
        if frames[index].count > 0 { out += "," }
        frames[index].count += 1
    }

    func writeKey(_ key: any CodingKey, in index: Int) {
        nextItem(in: index)
        JSONWriter.writeString(key.stringValue, to: &out)
        out += ":"
    }

    func writeScalar(_ text: String, in index: Int) {
        frames[index].shape = .scalar
        out += text
    }

    /// The path is built only for the error: building it for every number cost more than the write.
    func number(_ value: Double, at path: @autoclosure () -> [any CodingKey]) throws -> String {
        guard value.isFinite else {
            throw EncodingError.invalidValue(value, .init(codingPath: path(), debugDescription: "\(value) cannot be written as JSON"))
        }
        return JSONWriter.numberText(value)
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        let index = frames.count - 1
        open(index, as: .object)
        return KeyedEncodingContainer(StreamKeyedContainer<Key>(encoder: self, index: index))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        let index = frames.count - 1
        open(index, as: .array)
        return StreamUnkeyedContainer(encoder: self, index: index)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        StreamSingleValueContainer(encoder: self, index: frames.count - 1)
    }

    /// Scalars as text, or nil for a value that needs its own frame.
    /// Compares metatypes before casting: the containers are reached through existentials, so
    /// these are unspecialised calls, and a failed dynamic cast per value would cost more than
    /// the write.
    func scalarText<T: Encodable>(_ value: T, at path: @autoclosure () -> [any CodingKey]) throws -> String? {
        if T.self == String.self {
            var text = ""
            JSONWriter.writeString(value as! String, to: &text)
            return text
        }
        if T.self == Double.self { return try number(value as! Double, at: path()) }
        if T.self == Int.self { return String(value as! Int) }
        if T.self == Bool.self { return (value as! Bool) ? "true" : "false" }
        if T.self == Int64.self { return String(value as! Int64) }
        return nil
    }
}

private struct StreamKeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let encoder: StreamEncoder
    let index: Int
    var codingPath: [any CodingKey] { Array(encoder.frames[...index].compactMap(\.key)) }

    private func write(_ text: String, forKey key: Key) {
        encoder.writeKey(key, in: index)
        encoder.out += text
    }

    mutating func encodeNil(forKey key: Key) throws { write("null", forKey: key) }
    mutating func encode(_ value: Bool, forKey key: Key) throws { write(value ? "true" : "false", forKey: key) }
    mutating func encode(_ value: String, forKey key: Key) throws {
        encoder.writeKey(key, in: index)
        JSONWriter.writeString(value, to: &encoder.out)
    }
    mutating func encode(_ value: Double, forKey key: Key) throws {
        write(try encoder.number(value, at: codingPath + [key]), forKey: key)
    }
    mutating func encode(_ value: Float, forKey key: Key) throws {
        write(try encoder.number(Double(value), at: codingPath + [key]), forKey: key)
    }
    mutating func encode(_ value: Int, forKey key: Key) throws { write(String(value), forKey: key) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { write(String(value), forKey: key) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { write(String(value), forKey: key) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { write(String(value), forKey: key) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { write(String(value), forKey: key) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { write(String(value), forKey: key) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { write(String(value), forKey: key) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { write(String(value), forKey: key) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { write(String(value), forKey: key) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { write(String(value), forKey: key) }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        encoder.writeKey(key, in: index)
        if let text = try encoder.scalarText(value, at: codingPath + [key]) {
            encoder.out += text
        } else {
            try encoder.encodeChild(value, key: key)
        }
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        encoder.writeKey(key, in: index)
        encoder.frames.append(.init(key: key))
        return encoder.container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        encoder.writeKey(key, in: index)
        encoder.frames.append(.init(key: key))
        return encoder.unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder { superEncoder(forKey: Key(stringValue: "super")!) }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        encoder.writeKey(key, in: index)
        encoder.frames.append(.init(key: key))
        return encoder
    }
}

private struct StreamUnkeyedContainer: UnkeyedEncodingContainer {
    let encoder: StreamEncoder
    let index: Int
    var codingPath: [any CodingKey] { Array(encoder.frames[...index].compactMap(\.key)) }
    var count: Int { encoder.frames.count > index ? encoder.frames[index].count : 0 }

    private var nextKey: any CodingKey { ArrayIndexKey(count) }

    mutating func encodeNil() throws {
        encoder.nextItem(in: index)
        encoder.out += "null"
    }
    mutating func encode<T: Encodable>(_ value: T) throws {
        let position = count
        encoder.nextItem(in: index)
        if let text = try encoder.scalarText(value, at: codingPath + [ArrayIndexKey(position)]) {
            encoder.out += text
        } else {
            try encoder.encodeChild(value, key: ArrayIndexKey(position))
        }
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let key = nextKey
        encoder.nextItem(in: index)
        encoder.frames.append(.init(key: key))
        return encoder.container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let key = nextKey
        encoder.nextItem(in: index)
        encoder.frames.append(.init(key: key))
        return encoder.unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder {
        let key = nextKey
        encoder.nextItem(in: index)
        encoder.frames.append(.init(key: key))
        return encoder
    }
}

private struct StreamSingleValueContainer: SingleValueEncodingContainer {
    let encoder: StreamEncoder
    let index: Int
    var codingPath: [any CodingKey] { encoder.codingPath }

    mutating func encodeNil() throws { encoder.writeScalar("null", in: index) }
    mutating func encode(_ value: Bool) throws { encoder.writeScalar(value ? "true" : "false", in: index) }
    mutating func encode(_ value: String) throws {
        encoder.frames[index].shape = .scalar
        JSONWriter.writeString(value, to: &encoder.out)
    }
    mutating func encode(_ value: Double) throws { encoder.writeScalar(try encoder.number(value, at: codingPath), in: index) }
    mutating func encode(_ value: Float) throws { encoder.writeScalar(try encoder.number(Double(value), at: codingPath), in: index) }
    mutating func encode(_ value: Int) throws { encoder.writeScalar(String(value), in: index) }
    mutating func encode(_ value: Int8) throws { encoder.writeScalar(String(value), in: index) }
    mutating func encode(_ value: Int16) throws { encoder.writeScalar(String(value), in: index) }
    mutating func encode(_ value: Int32) throws { encoder.writeScalar(String(value), in: index) }
    mutating func encode(_ value: Int64) throws { encoder.writeScalar(String(value), in: index) }
    mutating func encode(_ value: UInt) throws { encoder.writeScalar(String(value), in: index) }
    mutating func encode(_ value: UInt8) throws { encoder.writeScalar(String(value), in: index) }
    mutating func encode(_ value: UInt16) throws { encoder.writeScalar(String(value), in: index) }
    mutating func encode(_ value: UInt32) throws { encoder.writeScalar(String(value), in: index) }
    mutating func encode(_ value: UInt64) throws { encoder.writeScalar(String(value), in: index) }
    mutating func encode<T: Encodable>(_ value: T) throws {
        if let text = try encoder.scalarText(value, at: codingPath) {
            encoder.writeScalar(text, in: index)
        } else {
            // The wrapped value becomes this frame's value (a wrapper encoding its inner value).
            if T.self == JSONValue.self, let json = value as? JSONValue {
                encoder.frames[index].shape = .scalar
                return try encoder.write(json, at: codingPath)
            }
            try value.encode(to: encoder)
        }
    }
}

/// The coding key of an array element, `Index 3` as the standard library spells it.
struct ArrayIndexKey: CodingKey {
    let intValue: Int?
    var stringValue: String { "Index \(intValue!)" }
    init(_ index: Int) { intValue = index }
    init?(stringValue: String) { return nil }
    init?(intValue: Int) { self.intValue = intValue }
}

/// Dictionaries keyed by strings (`stats`' methods, `info`'s layer counts) are written with
/// their keys sorted, as `JSONWriter` writes objects: a Swift dictionary's order changes from one
/// process to the next, and an answer should be the same bytes every time.
private protocol StringKeyedDictionary {
    func encodeSorted(to encoder: StreamEncoder) throws
}

extension Dictionary: StringKeyedDictionary where Key == String, Value: Encodable {
    fileprivate func encodeSorted(to encoder: StreamEncoder) throws {
        var container = encoder.container(keyedBy: MemberNameKey.self)
        for key in keys.sorted() { try container.encode(self[key]!, forKey: MemberNameKey(key)) }
    }
}
