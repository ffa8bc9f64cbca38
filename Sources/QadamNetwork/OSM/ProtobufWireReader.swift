/// A minimal reader of the protobuf wire format, enough for the OSM PBF messages.
///
/// Hand-written so the importer has no code-generation dependency; it reads varints,
/// length-delimited fields and packed repeated fields directly from a byte buffer and
/// throws instead of trapping on malformed input (a truncated varint, a length running past
/// the end), because PBF files come from outside.
struct ProtobufWireReader {
    enum WireType: UInt8 {
        case varint = 0, fixed64 = 1, lengthDelimited = 2, startGroup = 3, endGroup = 4, fixed32 = 5
    }

    struct Malformed: Error, CustomStringConvertible {
        let message: String
        var description: String { message }
    }

    private let base: UnsafeRawBufferPointer
    private(set) var position: Int
    let end: Int

    init(_ bytes: UnsafeRawBufferPointer) {
        base = bytes; position = 0; end = bytes.count
    }

    private init(base: UnsafeRawBufferPointer, start: Int, end: Int) {
        self.base = base; position = start; self.end = end
    }

    var isAtEnd: Bool { position >= end }

    /// The next field key, or nil at the end of the message.
    mutating func nextField() throws -> (number: Int, wireType: WireType)? {
        guard position < end else { return nil }
        let key = try readVarint()
        guard let type = WireType(rawValue: UInt8(key & 7)) else {
            throw Malformed(message: "unknown wire type \(key & 7) at byte \(position)")
        }
        let number = Int(key >> 3)
        guard number > 0 else { throw Malformed(message: "field number 0 at byte \(position)") }
        return (number, type)
    }

    mutating func readVarint() throws -> UInt64 {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard position < end else { throw Malformed(message: "truncated varint at byte \(position)") }
            let byte = base[position]
            position += 1
            result |= UInt64(byte & 0x7f) << shift
            if byte & 0x80 == 0 { return result }
            shift += 7
            guard shift < 64 else { throw Malformed(message: "varint longer than 10 bytes at byte \(position)") }
        }
    }

    mutating func readSignedVarint() throws -> Int64 {
        let raw = try readVarint()
        return Int64(bitPattern: (raw >> 1) ^ (0 &- (raw & 1)))
    }

    mutating func readInt64() throws -> Int64 { Int64(bitPattern: try readVarint()) }

    /// A sub-reader over the next length-delimited field; the parent skips past it.
    mutating func readMessage() throws -> ProtobufWireReader {
        let length = try readVarint()
        guard length <= UInt64(end - position) else {
            throw Malformed(message: "field of \(length) bytes runs past the end of its message at byte \(position)")
        }
        let sub = ProtobufWireReader(base: base, start: position, end: position + Int(length))
        position += Int(length)
        return sub
    }

    /// The bytes of the next length-delimited field.
    mutating func readBytes() throws -> UnsafeRawBufferPointer {
        let sub = try readMessage()
        return UnsafeRawBufferPointer(rebasing: base[sub.position..<sub.end])
    }

    mutating func readString() throws -> String {
        String(decoding: try readBytes(), as: UTF8.self)
    }

    /// Calls `body` for each varint of a packed repeated field.
    mutating func forEachPackedVarint(_ body: (UInt64) throws -> Void) throws {
        var sub = try readMessage()
        while !sub.isAtEnd { try body(try sub.readVarint()) }
    }

    /// Decodes a packed field of zig-zag varints, each a delta of the previous value.
    mutating func readPackedDeltaSigned(into values: inout [Int64]) throws {
        var sub = try readMessage()
        var running: Int64 = 0
        while !sub.isAtEnd {
            running &+= try sub.readSignedVarint()
            values.append(running)
        }
    }

    mutating func skip(_ type: WireType) throws {
        switch type {
        case .varint: _ = try readVarint()
        case .fixed64: try advance(8)
        case .fixed32: try advance(4)
        case .lengthDelimited: _ = try readMessage()
        case .startGroup, .endGroup:
            throw Malformed(message: "protobuf groups are not used by OSM PBF (byte \(position))")
        }
    }

    private mutating func advance(_ count: Int) throws {
        guard count <= end - position else { throw Malformed(message: "truncated fixed-width field at byte \(position)") }
        position += count
    }
}
