import QadamGeo
import QadamContract

/// One decoded `PrimitiveBlock`: its string table and coordinate scaling, with the primitive
/// groups kept as undecoded byte ranges so that a pass over ways never decodes nodes and the
/// other way round.
///
/// Valid only while the buffer it was made from is alive (inside the reader's closure).
struct PBFPrimitiveBlock {
    private(set) var strings: [String] = []
    private(set) var granularity: Int64 = 100
    private(set) var latOffset: Int64 = 0
    private(set) var lonOffset: Int64 = 0
    private var groups: [ProtobufWireReader] = []

    init(decoding raw: UnsafeRawBufferPointer) throws {
        var reader = ProtobufWireReader(raw)
        while let (field, wire) = try reader.nextField() {
            switch (field, wire) {
            case (1, .lengthDelimited):
                var table = try reader.readMessage()
                while let (f, w) = try table.nextField() {
                    if f == 1, w == .lengthDelimited { strings.append(try table.readString()) } else { try table.skip(w) }
                }
            case (2, .lengthDelimited): groups.append(try reader.readMessage())
            case (17, .varint): granularity = Int64(Int32(truncatingIfNeeded: try reader.readVarint()))
            case (19, .varint): latOffset = try reader.readInt64()
            case (20, .varint): lonOffset = try reader.readInt64()
            default: try reader.skip(wire)
            }
        }
        guard granularity > 0 else { throw ProtobufWireReader.Malformed(message: "granularity \(granularity) must be positive") }
    }

    private func string(_ index: UInt64) throws -> String {
        guard index < strings.count else {
            throw ProtobufWireReader.Malformed(message: "string index \(index) outside the table of \(strings.count)")
        }
        return strings[Int(index)]
    }

    private func coordinate(lat: Int64, lon: Int64) -> Coordinate {
        Coordinate(lon: Double(lonOffset &+ granularity &* lon) * 1e-9,
                   lat: Double(latOffset &+ granularity &* lat) * 1e-9)
    }

    private func tags(keys: [UInt64], values: [UInt64]) throws -> [String: String] {
        guard keys.count == values.count else {
            throw ProtobufWireReader.Malformed(message: "\(keys.count) tag keys but \(values.count) values")
        }
        var tags = [String: String](minimumCapacity: keys.count)
        for (k, v) in zip(keys, values) { tags[try string(k)] = try string(v) }
        return tags
    }

    /// `Way { int64 id = 1; packed uint32 keys = 2; packed uint32 vals = 3; packed sint64 refs = 8 (delta) }`
    func forEachWay(_ body: (OSMWay) throws -> Void) throws {
        for var group in groups {
            while let (field, wire) = try group.nextField() {
                guard field == 3, wire == .lengthDelimited else { try group.skip(wire); continue }
                var way = try group.readMessage()
                var id: Int64 = 0
                var keys: [UInt64] = [], values: [UInt64] = [], refs: [Int64] = []
                while let (f, w) = try way.nextField() {
                    switch (f, w) {
                    case (1, .varint): id = try way.readInt64()
                    case (2, .lengthDelimited): try way.forEachPackedVarint { keys.append($0) }
                    case (3, .lengthDelimited): try way.forEachPackedVarint { values.append($0) }
                    case (8, .lengthDelimited): try way.readPackedDeltaSigned(into: &refs)
                    default: try way.skip(w)
                    }
                }
                try body(OSMWay(id: id, nodeIDs: refs, tags: try tags(keys: keys, values: values)))
            }
        }
    }

    func forEachNode(wantTags: Bool, _ body: (OSMNode) throws -> Void) throws {
        for var group in groups {
            while let (field, wire) = try group.nextField() {
                switch (field, wire) {
                case (1, .lengthDelimited): try decodeNode(try group.readMessage(), wantTags: wantTags, body)
                case (2, .lengthDelimited): try decodeDenseNodes(try group.readMessage(), wantTags: wantTags, body)
                default: try group.skip(wire)
                }
            }
        }
    }

    /// `Node { sint64 id = 1; packed uint32 keys = 2; packed uint32 vals = 3; sint64 lat = 8; sint64 lon = 9; }`
    private func decodeNode(_ message: ProtobufWireReader, wantTags: Bool, _ body: (OSMNode) throws -> Void) throws {
        var node = message
        var id: Int64 = 0, lat: Int64 = 0, lon: Int64 = 0
        var keys: [UInt64] = [], values: [UInt64] = []
        while let (f, w) = try node.nextField() {
            switch (f, w) {
            case (1, .varint): id = try node.readSignedVarint()
            case (2, .lengthDelimited) where wantTags: try node.forEachPackedVarint { keys.append($0) }
            case (3, .lengthDelimited) where wantTags: try node.forEachPackedVarint { values.append($0) }
            case (8, .varint): lat = try node.readSignedVarint()
            case (9, .varint): lon = try node.readSignedVarint()
            default: try node.skip(w)
            }
        }
        try body(OSMNode(id: id, coordinate: coordinate(lat: lat, lon: lon), tags: try tags(keys: keys, values: values)))
    }

    /// `DenseNodes { packed sint64 id = 1 (delta); packed sint64 lat = 8 (delta); packed sint64 lon = 9 (delta);
    /// packed int32 keys_vals = 10 }`: tags of all nodes in one array, each node's run ended by a 0.
    private func decodeDenseNodes(_ message: ProtobufWireReader, wantTags: Bool, _ body: (OSMNode) throws -> Void) throws {
        var dense = message
        var ids: [Int64] = [], lats: [Int64] = [], lons: [Int64] = []
        var keysValues: [UInt64] = []
        while let (f, w) = try dense.nextField() {
            switch (f, w) {
            case (1, .lengthDelimited): try dense.readPackedDeltaSigned(into: &ids)
            case (8, .lengthDelimited): try dense.readPackedDeltaSigned(into: &lats)
            case (9, .lengthDelimited): try dense.readPackedDeltaSigned(into: &lons)
            case (10, .lengthDelimited) where wantTags: try dense.forEachPackedVarint { keysValues.append($0) }
            default: try dense.skip(w)
            }
        }
        guard ids.count == lats.count, ids.count == lons.count else {
            throw ProtobufWireReader.Malformed(message: "dense nodes: \(ids.count) ids, \(lats.count) lats, \(lons.count) lons")
        }
        var cursor = 0
        for i in ids.indices {
            var tags: [String: String] = [:]
            if !keysValues.isEmpty {
                while true {
                    guard cursor < keysValues.count else {
                        throw ProtobufWireReader.Malformed(message: "dense nodes: keys_vals ends before node \(ids[i])")
                    }
                    let key = keysValues[cursor]
                    cursor += 1
                    if key == 0 { break }
                    guard cursor < keysValues.count else {
                        throw ProtobufWireReader.Malformed(message: "dense nodes: key without value for node \(ids[i])")
                    }
                    tags[try string(key)] = try string(keysValues[cursor])
                    cursor += 1
                }
            }
            try body(OSMNode(id: ids[i], coordinate: coordinate(lat: lats[i], lon: lons[i]), tags: tags))
        }
    }
}
