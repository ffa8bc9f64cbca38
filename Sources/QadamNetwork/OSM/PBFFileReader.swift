import CZlib
import Foundation
import QadamGeo

/// Streams the blobs of an `.osm.pbf` file and decodes their nodes and ways.
///
/// The file is a sequence of (4-byte big-endian length, BlobHeader, Blob) frames; each blob
/// is read, inflated with zlib when compressed and decoded on its own, so memory holds one
/// blob at a time. Every check on sizes and fields throws an `OSMReadError` that names the
/// file, the blob number and its byte offset.
public struct PBFFileReader: OSMElementSource {
    public let url: URL
    public var sourceName: String { url.path }

    /// Limits from the OSM PBF specification.
    static let maxBlobHeaderSize = 64 * 1024
    static let maxBlobSize = 32 * 1024 * 1024

    public init(url: URL) { self.url = url }

    public func forEachWay(_ body: (OSMWay) throws -> Void) throws {
        try forEachPrimitiveBlock { try $0.forEachWay(body) }
    }

    public func forEachNode(wantTags: Bool, _ body: (OSMNode) throws -> Void) throws {
        try forEachPrimitiveBlock { try $0.forEachNode(wantTags: wantTags, body) }
    }

    /// Reads every frame, checks the header block's required features, and hands each
    /// inflated `OSMData` blob to `body` as a decoder.
    func forEachPrimitiveBlock(_ body: (PBFPrimitiveBlock) throws -> Void) throws {
        guard let file = fopen(url.path, "rb") else {
            throw OSMReadError(source: sourceName, location: "open", message: String(cString: strerror(errno)))
        }
        defer { fclose(file) }
        var blobIndex = 0
        var offset = 0
        var sawHeader = false
        while true {
            let location = "blob \(blobIndex) at byte \(offset)"
            func fail(_ message: String) -> OSMReadError {
                OSMReadError(source: sourceName, location: location, message: message)
            }
            var lengthBytes = [UInt8](repeating: 0, count: 4)
            let got = fread(&lengthBytes, 1, 4, file)
            if got == 0 && feof(file) != 0 { break }
            guard got == 4 else { throw fail("truncated file: blob header length cut off") }
            let headerLength = lengthBytes.reduce(0) { $0 << 8 | Int($1) }
            guard headerLength > 0, headerLength <= Self.maxBlobHeaderSize else {
                throw fail("blob header size \(headerLength) outside 1...\(Self.maxBlobHeaderSize)")
            }
            let headerBytes = try readExactly(headerLength, from: file, what: "blob header", fail: fail)
            let header = try headerBytes.withUnsafeBytes { raw in
                do { return try PBFBlobHeader(decoding: raw) } catch { throw fail("bad blob header: \(error)") }
            }
            guard header.dataSize > 0, header.dataSize <= Self.maxBlobSize else {
                throw fail("blob size \(header.dataSize) outside 1...\(Self.maxBlobSize)")
            }
            let blobBytes = try readExactly(header.dataSize, from: file, what: "blob", fail: fail)
            let data = try blobBytes.withUnsafeBytes { raw in
                do { return try PBFBlob.inflate(raw, maxSize: Self.maxBlobSize) } catch { throw fail("bad blob: \(error)") }
            }
            switch header.type {
            case "OSMHeader":
                try data.withUnsafeBytes { raw in
                    do { try PBFHeaderBlock.checkRequiredFeatures(raw) } catch { throw fail("\(error)") }
                }
                sawHeader = true
            case "OSMData":
                guard sawHeader else { throw fail("OSMData blob before the OSMHeader blob") }
                try data.withUnsafeBytes { raw in
                    let block: PBFPrimitiveBlock
                    do { block = try PBFPrimitiveBlock(decoding: raw) } catch { throw fail("bad primitive block: \(error)") }
                    do { try body(block) } catch let error as ProtobufWireReader.Malformed {
                        throw fail("bad primitive block: \(error)")
                    }
                }
            default:
                break  // unknown blob types are to be skipped, per the specification
            }
            offset += 4 + headerLength + header.dataSize
            blobIndex += 1
        }
        guard sawHeader else {
            throw OSMReadError(source: sourceName, location: "start", message: "no OSMHeader blob: not an OSM PBF file")
        }
    }

    private func readExactly(_ count: Int, from file: UnsafeMutablePointer<FILE>, what: String,
                             fail: (String) -> OSMReadError) throws -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: count)
        let got = fread(&bytes, 1, count, file)
        guard got == count else { throw fail("truncated file: \(what) declares \(count) bytes, only \(got) present") }
        return bytes
    }
}

/// `BlobHeader { required string type = 1; optional bytes indexdata = 2; required int32 datasize = 3; }`
struct PBFBlobHeader {
    var type = ""
    var dataSize = -1

    init(decoding raw: UnsafeRawBufferPointer) throws {
        var reader = ProtobufWireReader(raw)
        while let (field, wire) = try reader.nextField() {
            switch (field, wire) {
            case (1, .lengthDelimited): type = try reader.readString()
            case (3, .varint): dataSize = Int(Int32(truncatingIfNeeded: try reader.readVarint()))
            default: try reader.skip(wire)
            }
        }
        guard !type.isEmpty else { throw ProtobufWireReader.Malformed(message: "missing type") }
        guard dataSize >= 0 else { throw ProtobufWireReader.Malformed(message: "missing datasize") }
    }
}

/// `Blob { bytes raw = 1; int32 raw_size = 2; bytes zlib_data = 3; ... }`: only raw and zlib
/// payloads are supported (the ones every common writer produces).
enum PBFBlob {
    static func inflate(_ raw: UnsafeRawBufferPointer, maxSize: Int) throws -> [UInt8] {
        var reader = ProtobufWireReader(raw)
        var rawSize = -1
        var payload: UnsafeRawBufferPointer?
        var compressed = false
        while let (field, wire) = try reader.nextField() {
            switch (field, wire) {
            case (1, .lengthDelimited): payload = try reader.readBytes(); compressed = false
            case (2, .varint): rawSize = Int(Int32(truncatingIfNeeded: try reader.readVarint()))
            case (3, .lengthDelimited): payload = try reader.readBytes(); compressed = true
            case (4, _), (5, _), (6, _), (7, _):
                let names = [4: "lzma", 5: "bzip2", 6: "lz4", 7: "zstd"]
                throw ProtobufWireReader.Malformed(message: "\(names[field]!) compression is not supported (only zlib)")
            default: try reader.skip(wire)
            }
        }
        guard let payload else { throw ProtobufWireReader.Malformed(message: "blob has no data") }
        guard compressed else { return Array(payload) }
        guard rawSize > 0, rawSize <= maxSize else {
            throw ProtobufWireReader.Malformed(message: "raw_size \(rawSize) outside 1...\(maxSize)")
        }
        var output = [UInt8](repeating: 0, count: rawSize)
        var outputLength = uLongf(rawSize)
        let status = output.withUnsafeMutableBytes { out in
            uncompress(out.baseAddress!.assumingMemoryBound(to: Bytef.self), &outputLength,
                       payload.baseAddress?.assumingMemoryBound(to: Bytef.self), uLong(payload.count))
        }
        guard status == Z_OK else {
            let reason = status == Z_BUF_ERROR ? "inflated data larger than raw_size \(rawSize)"
                : status == Z_DATA_ERROR ? "corrupt zlib data" : "zlib error \(status)"
            throw ProtobufWireReader.Malformed(message: reason)
        }
        guard Int(outputLength) == rawSize else {
            throw ProtobufWireReader.Malformed(message: "inflated \(outputLength) bytes, raw_size says \(rawSize)")
        }
        return output
    }
}

/// `HeaderBlock { ...; repeated string required_features = 4; ... }`
enum PBFHeaderBlock {
    /// History files (several versions per element) and locations-on-ways files are refused
    /// rather than misread.
    static let supportedFeatures: Set<String> = ["OsmSchema-V0.6", "DenseNodes"]

    static func checkRequiredFeatures(_ raw: UnsafeRawBufferPointer) throws {
        var reader = ProtobufWireReader(raw)
        while let (field, wire) = try reader.nextField() {
            if field == 4, wire == .lengthDelimited {
                let feature = try reader.readString()
                guard supportedFeatures.contains(feature) else {
                    throw ProtobufWireReader.Malformed(message: "file requires unsupported feature \"\(feature)\"")
                }
            } else {
                try reader.skip(wire)
            }
        }
    }
}
