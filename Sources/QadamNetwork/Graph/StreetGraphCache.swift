import Foundation
import QadamContract

/// The compiled graph as a binary cache file, so a daemon restart skips the OSM import.
///
/// Layout (little-endian): magic `QADAMNET`, format version (UInt32), source fingerprint
/// (UInt64, from `SourceFingerprint`), then each array as a count (UInt64) and its raw
/// elements, in a fixed order. Loading reads the file once and copies each array in bulk.
public enum StreetGraphCache {
    static let magic = Array("QADAMNET".utf8)
    static let version: UInt32 = 1

    public struct Error: Swift.Error, CustomStringConvertible, Equatable {
        public var path: String
        public var message: String
        public var description: String { "\(path): \(message)" }
    }

    public static func write(_ g: StreetGraph, sourceFingerprint: UInt64, to url: URL) throws {
        var data = Data()
        data.append(contentsOf: magic)
        append(version, to: &data)
        append(sourceFingerprint, to: &data)
        append(UInt64(TravelProfile.allCases.count), to: &data)
        appendArray(g.vertexLon, to: &data); appendArray(g.vertexLat, to: &data)
        appendArray(g.vertexSourceID, to: &data); appendArray(g.firstArc, to: &data)
        g.component.forEach { appendArray($0, to: &data) }
        appendArray(g.arcHead, to: &data); appendArray(g.arcEdge, to: &data)
        appendArray(g.edgeFrom, to: &data); appendArray(g.edgeTo, to: &data); appendArray(g.edgeLength, to: &data)
        g.forwardCost.forEach { appendArray($0, to: &data) }
        g.backwardCost.forEach { appendArray($0, to: &data) }
        appendArray(g.shapeStart, to: &data); appendArray(g.shapeLon, to: &data); appendArray(g.shapeLat, to: &data)
        do { try data.write(to: url, options: .atomic) } catch {
            throw Error(path: url.path, message: "cannot write the graph cache: \(error.localizedDescription)")
        }
    }

    /// Loads a cache; with `expectedFingerprint`, a cache built from another source is an
    /// error (the caller then rebuilds it).
    public static func read(from url: URL, expectedFingerprint: UInt64? = nil) throws -> StreetGraph {
        let data: Data
        do { data = try Data(contentsOf: url, options: .alwaysMapped) } catch {
            throw Error(path: url.path, message: "cannot read the graph cache: \(error.localizedDescription)")
        }
        return try data.withUnsafeBytes { raw -> StreetGraph in
            var reader = Reader(raw: raw, path: url.path)
            guard Array(try reader.bytes(magic.count)) == magic else { throw reader.fail("not a Qadam graph cache (bad magic)") }
            let version: UInt32 = try reader.scalar()
            guard version == Self.version else { throw reader.fail("cache format \(version), this build reads \(Self.version)") }
            let fingerprint: UInt64 = try reader.scalar()
            if let expectedFingerprint, fingerprint != expectedFingerprint {
                throw reader.fail("cache was built from another source (fingerprint differs)")
            }
            let profiles: UInt64 = try reader.scalar()
            guard profiles == UInt64(TravelProfile.allCases.count) else { throw reader.fail("cache has \(profiles) profiles") }
            let p = Int(profiles)
            let g = StreetGraph(
                vertexLon: try reader.array(), vertexLat: try reader.array(), vertexSourceID: try reader.array(),
                firstArc: try reader.array(), component: try (0..<p).map { _ in try reader.array() },
                arcHead: try reader.array(), arcEdge: try reader.array(),
                edgeFrom: try reader.array(), edgeTo: try reader.array(), edgeLength: try reader.array(),
                forwardCost: try (0..<p).map { _ in try reader.array() }, backwardCost: try (0..<p).map { _ in try reader.array() },
                shapeStart: try reader.array(), shapeLon: try reader.array(), shapeLat: try reader.array())
            guard reader.offset == raw.count else { throw reader.fail("\(raw.count - reader.offset) unexpected bytes at the end") }
            try validate(g, reader)
            return g
        }
    }

    /// Index bounds checked once at load, so a corrupt cache fails here and not as a crash
    /// inside a search.
    private static func validate(_ g: StreetGraph, _ reader: Reader) throws {
        let n = g.vertexCount, e = g.edgeCount
        guard g.vertexLat.count == n, g.vertexSourceID.count == n, g.firstArc.count == n + 1,
              g.component.allSatisfy({ $0.count == n }), g.arcHead.count == 2 * e, g.arcEdge.count == 2 * e,
              g.edgeTo.count == e, g.edgeLength.count == e, g.shapeStart.count == e + 1,
              g.forwardCost.allSatisfy({ $0.count == e }), g.backwardCost.allSatisfy({ $0.count == e }),
              g.shapeLat.count == g.shapeLon.count, g.firstArc.first == 0, g.firstArc.last == Int32(2 * e),
              g.shapeStart.last == Int32(g.shapeLon.count)
        else { throw reader.fail("array sizes do not fit together") }
        guard g.arcHead.allSatisfy({ $0 >= 0 && Int($0) < n }), g.edgeFrom.allSatisfy({ $0 >= 0 && Int($0) < n }),
              g.edgeTo.allSatisfy({ $0 >= 0 && Int($0) < n }), g.arcEdge.allSatisfy({ $0 >= 0 && Int($0 >> 1) < e }),
              zip(g.firstArc, g.firstArc.dropFirst()).allSatisfy({ $0 <= $1 }),
              zip(g.shapeStart, g.shapeStart.dropFirst()).allSatisfy({ $1 - $0 >= 2 })
        else { throw reader.fail("an index points outside its array") }
    }

    private static func append<T: FixedWidthInteger>(_ value: T, to data: inout Data) {
        withUnsafeBytes(of: value.littleEndian) { data.append(contentsOf: $0) }
    }

    private static func appendArray<T>(_ array: [T], to data: inout Data) {
        append(UInt64(array.count), to: &data)
        array.withUnsafeBytes { data.append(contentsOf: $0) }
    }

    private struct Reader {
        let raw: UnsafeRawBufferPointer
        let path: String
        var offset = 0

        func fail(_ message: String) -> Error { Error(path: path, message: "\(message) (byte \(offset))") }

        mutating func bytes(_ count: Int) throws -> UnsafeRawBufferPointer {
            guard count >= 0, count <= raw.count - offset else { throw fail("file ends early: truncated cache") }
            defer { offset += count }
            return UnsafeRawBufferPointer(rebasing: raw[offset..<(offset + count)])
        }

        mutating func scalar<T: FixedWidthInteger>() throws -> T {
            T(littleEndian: try bytes(MemoryLayout<T>.size).loadUnaligned(as: T.self))
        }

        mutating func array<T>() throws -> [T] {
            let count: UInt64 = try scalar()
            guard count <= UInt64(raw.count) else { throw fail("array count \(count) larger than the file") }
            let source = try bytes(Int(count) * MemoryLayout<T>.stride)
            return [T](unsafeUninitializedCapacity: Int(count)) { buffer, initialized in
                UnsafeMutableRawBufferPointer(buffer).copyMemory(from: source)
                initialized = Int(count)
            }
        }
    }
}

/// A 64-bit FNV-1a hash of a source file's bytes, stored in the graph cache so that a cache
/// built from an older extract is noticed. Not cryptographic: it guards against mix-ups.
public enum SourceFingerprint {
    public static func of(fileAt url: URL) throws -> UInt64 {
        guard let handle = try? FileHandle(forReadingFrom: url) else {
            throw StreetGraphCache.Error(path: url.path, message: "cannot read the source to fingerprint it")
        }
        defer { try? handle.close() }
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty {
            for byte in chunk { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        }
        return hash
    }
}
