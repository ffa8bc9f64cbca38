import Foundation
import QadamGeo
@testable import QadamNetwork
import Testing
import TestSupport
import QadamContract

@Suite("Graph cache and CSV export")
struct CacheAndExportTests {
    static func sameGraph(_ a: StreetGraph, _ b: StreetGraph) -> Bool {
        a.vertexLon == b.vertexLon && a.vertexLat == b.vertexLat && a.vertexSourceID == b.vertexSourceID
            && a.firstArc == b.firstArc && a.component == b.component && a.arcHead == b.arcHead && a.arcEdge == b.arcEdge
            && a.edgeFrom == b.edgeFrom && a.edgeTo == b.edgeTo && a.edgeLength == b.edgeLength
            && a.forwardCost == b.forwardCost && a.backwardCost == b.backwardCost
            && a.shapeStart == b.shapeStart && a.shapeLon == b.shapeLon && a.shapeLat == b.shapeLat
    }

    @Test func cacheRoundTripAndFingerprintCheck() throws {
        let g = SyntheticCity(rows: 30, columns: 25, seed: 17).graph()
        let url = try temporaryFile([], suffix: ".qnet")
        defer { try? FileManager.default.removeItem(at: url) }
        try StreetGraphCache.write(g, sourceFingerprint: 0xABCD, to: url)
        let loaded = try StreetGraphCache.read(from: url, expectedFingerprint: 0xABCD)
        #expect(Self.sameGraph(g, loaded))
        #expect(throws: StreetGraphCache.Error.self) { try StreetGraphCache.read(from: url, expectedFingerprint: 0xABCE) }

        let bytes = try [UInt8](Data(contentsOf: url))
        for cut in [3, 20, bytes.count / 2, bytes.count - 1] {
            let truncated = try temporaryFile(Array(bytes.prefix(cut)), suffix: ".qnet")
            defer { try? FileManager.default.removeItem(at: truncated) }
            #expect(throws: StreetGraphCache.Error.self) { try StreetGraphCache.read(from: truncated) }
        }
        // A corrupt index (an arc head far outside the vertices) is caught at load.
        var corrupt = bytes
        let arcHeadOffset = 8 + 4 + 8 + 8 + (8 + g.vertexCount * 8) * 3 + (8 + (g.vertexCount + 1) * 4) + 3 * (8 + g.vertexCount * 4) + 8
        corrupt[arcHeadOffset + 3] = 0x7f
        let corruptURL = try temporaryFile(corrupt, suffix: ".qnet")
        defer { try? FileManager.default.removeItem(at: corruptURL) }
        #expect { try StreetGraphCache.read(from: corruptURL) } throws: {
            ($0 as? StreetGraphCache.Error)?.message.contains("outside") == true
        }
    }

    @Test func fingerprintFollowsContent() throws {
        let a = try temporaryFile(Array("one".utf8), suffix: ".txt"), b = try temporaryFile(Array("two".utf8), suffix: ".txt")
        defer { try? FileManager.default.removeItem(at: a); try? FileManager.default.removeItem(at: b) }
        #expect(try SourceFingerprint.of(fileAt: a) == SourceFingerprint.of(fileAt: a))
        #expect(try SourceFingerprint.of(fileAt: a) != SourceFingerprint.of(fileAt: b))
    }

    @Test func csvExportListsUsableArcs() throws {
        let g = SyntheticCity(rows: 6, columns: 6, seed: 2).graph()
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("qadam-csv-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        try GraphCSVExport.write(g, mode: .drive, toDirectory: dir)
        let nodes = try String(contentsOf: dir.appendingPathComponent("nodes.csv"), encoding: .utf8).split(separator: "\n")
        let edges = try String(contentsOf: dir.appendingPathComponent("edges.csv"), encoding: .utf8).split(separator: "\n")
        #expect(nodes.first == "id,lon,lat" && nodes.count == g.vertexCount + 1)
        let p = TravelProfile.drive.index
        let arcs = (0..<g.edgeCount).reduce(0) { $0 + (g.forwardCost[p][$1].isFinite ? 1 : 0) + (g.backwardCost[p][$1].isFinite ? 1 : 0) }
        #expect(edges.first == "from,to,length_m,cost_s" && edges.count == arcs + 1)
        let row = edges[1].split(separator: ",")
        #expect(row.count == 4 && Double(row[2])! > 0 && Double(row[3])! > 0)
    }

    @Test func syntheticCityIsDeterministicAndSized() {
        let a = SyntheticCity(approximateVertices: 10_000, seed: 5).graph()
        let b = SyntheticCity(approximateVertices: 10_000, seed: 5).graph()
        let c = SyntheticCity(approximateVertices: 10_000, seed: 6).graph()
        #expect(Self.sameGraph(a, b))
        #expect(!Self.sameGraph(a, c))
        #expect(a.vertexCount > 9_000 && a.vertexCount <= 10_000)
        #expect(a.largestComponentSize(.walk) > a.vertexCount * 9 / 10)
    }
}
