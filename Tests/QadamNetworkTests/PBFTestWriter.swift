import CZlib
import Foundation

/// Writes small OSM PBF files for tests: a hand-rolled protobuf encoder, independent of the
/// reader's decoder, so a round trip checks the reader against the specification's layout.
struct ProtobufWriter {
    var bytes: [UInt8] = []

    mutating func varint(_ value: UInt64) {
        var v = value
        while v >= 0x80 { bytes.append(UInt8(v & 0x7f) | 0x80); v >>= 7 }
        bytes.append(UInt8(v))
    }
    mutating func key(_ field: Int, _ wire: UInt64) { varint(UInt64(field) << 3 | wire) }
    mutating func uint(_ field: Int, _ value: UInt64) { key(field, 0); varint(value) }
    mutating func sint(_ field: Int, _ value: Int64) { key(field, 0); varint(UInt64(bitPattern: (value << 1) ^ (value >> 63))) }
    mutating func bytes(_ field: Int, _ data: [UInt8]) { key(field, 2); varint(UInt64(data.count)); bytes += data }
    mutating func string(_ field: Int, _ text: String) { bytes(field, Array(text.utf8)) }
    mutating func message(_ field: Int, _ build: (inout ProtobufWriter) -> Void) {
        var inner = ProtobufWriter(); build(&inner); bytes(field, inner.bytes)
    }
    mutating func packedUInt(_ field: Int, _ values: [UInt64]) {
        var inner = ProtobufWriter(); values.forEach { inner.varint($0) }; bytes(field, inner.bytes)
    }
    mutating func packedDeltaSInt(_ field: Int, _ values: [Int64]) {
        var inner = ProtobufWriter()
        var previous: Int64 = 0
        for v in values { let d = v - previous; inner.varint(UInt64(bitPattern: (d << 1) ^ (d >> 63))); previous = v }
        bytes(field, inner.bytes)
    }
}

struct PBFTestWriter {
    struct Node { var id: Int64; var lon: Double; var lat: Double; var tags: [(String, String)] = [] }
    struct Way { var id: Int64; var refs: [Int64]; var tags: [(String, String)] }

    var compress = true
    /// Plain `Node` messages instead of one `DenseNodes` (both are valid PBF).
    var denseNodes = true
    /// Corruptions for bad-input tests.
    var declaredDataSizeDelta = 0
    var rawSizeDelta = 0

    func frame(type: String, payload: [UInt8]) -> [UInt8] {
        var blob = ProtobufWriter()
        if compress {
            var length = compressBound(uLong(payload.count))
            var out = [UInt8](repeating: 0, count: Int(length))
            _ = out.withUnsafeMutableBufferPointer { o in
                payload.withUnsafeBufferPointer { p in CZlib.compress(o.baseAddress, &length, p.baseAddress, uLong(p.count)) }
            }
            blob.uint(2, UInt64(payload.count + rawSizeDelta))
            blob.bytes(3, Array(out.prefix(Int(length))))
        } else {
            blob.bytes(1, payload)
        }
        var header = ProtobufWriter()
        header.string(1, type)
        header.uint(3, UInt64(blob.bytes.count + declaredDataSizeDelta))
        let n = UInt32(header.bytes.count)
        return [UInt8(n >> 24), UInt8(n >> 16 & 0xff), UInt8(n >> 8 & 0xff), UInt8(n & 0xff)] + header.bytes + blob.bytes
    }

    /// A file with a header blob and one data blob holding dense nodes and ways.
    func file(nodes: [Node], ways: [Way], requiredFeatures: [String] = ["OsmSchema-V0.6", "DenseNodes"]) -> [UInt8] {
        var header = ProtobufWriter()
        requiredFeatures.forEach { header.string(4, $0) }
        var strings = [""]
        func index(_ s: String) -> UInt64 {
            if let i = strings.firstIndex(of: s) { return UInt64(i) }
            strings.append(s); return UInt64(strings.count - 1)
        }
        var block = ProtobufWriter()
        var group = ProtobufWriter()
        if denseNodes {
            group.message(2) { dense in
                dense.packedDeltaSInt(1, nodes.map(\.id))
                dense.packedDeltaSInt(8, nodes.map { Int64(($0.lat * 1e7).rounded()) })
                dense.packedDeltaSInt(9, nodes.map { Int64(($0.lon * 1e7).rounded()) })
                var keysValues: [UInt64] = []
                for node in nodes {
                    for (k, v) in node.tags { keysValues += [index(k), index(v)] }
                    keysValues.append(0)
                }
                dense.packedUInt(10, keysValues)
            }
        } else {
            for node in nodes {
                group.message(1) { n in
                    n.sint(1, node.id)
                    n.packedUInt(2, node.tags.map { index($0.0) })
                    n.packedUInt(3, node.tags.map { index($0.1) })
                    n.sint(8, Int64((node.lat * 1e7).rounded()))
                    n.sint(9, Int64((node.lon * 1e7).rounded()))
                }
            }
        }
        for way in ways {
            group.message(3) { w in
                w.uint(1, UInt64(way.id))
                w.packedUInt(2, way.tags.map { index($0.0) })
                w.packedUInt(3, way.tags.map { index($0.1) })
                w.packedDeltaSInt(8, way.refs)
            }
        }
        block.message(1) { table in strings.forEach { table.string(1, $0) } }
        block.bytes(2, group.bytes)
        block.uint(17, 100)  // granularity: 100 nanodegrees, so lat * 1e7 units
        return frame(type: "OSMHeader", payload: header.bytes) + frame(type: "OSMData", payload: block.bytes)
    }
}

/// Writes bytes to a fresh temporary file and returns its URL.
func temporaryFile(_ bytes: [UInt8], suffix: String) throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("qadam-net-\(UUID().uuidString)\(suffix)")
    try Data(bytes).write(to: url)
    return url
}
