import Foundation
import QadamGeo
@testable import QadamNetwork
import Testing
import QadamContract

@Suite("Unreachable reasons")
struct UnreachableReasonTests {
    /// A 1 km street and, 60 m north of its east end, a detached 100 m footpath; plus a
    /// one-way street (drive) leaving the main street's west end to the south.
    static func network() throws -> StreetNetwork {
        let json = """
        {"type":"FeatureCollection","features":[
          {"type":"Feature","properties":{"highway":"residential"},"geometry":{"type":"LineString","coordinates":[[76.90,43.25],[76.9123,43.25]]}},
          {"type":"Feature","properties":{"highway":"footway"},"geometry":{"type":"LineString","coordinates":[[76.9110,43.2506],[76.9122,43.2506]]}},
          {"type":"Feature","properties":{"highway":"residential","oneway":"yes"},"geometry":{"type":"LineString","coordinates":[[76.90,43.25],[76.90,43.245]]}}
        ]}
        """
        let source = try GeoJSONLineSource(data: Data(json.utf8), sourceName: "reasons.geojson")
        return StreetNetwork(graph: try NetworkImporter.importNetwork(from: source).graph)
    }

    static let onMainStreet = Coordinate(lon: 76.905, lat: 43.2499)
    static let nearFootpath = Coordinate(lon: 76.9116, lat: 43.2507)
    static let onOneWay = Coordinate(lon: 76.9001, lat: 43.246)

    @Test func differentComponentUnlessSnappedToTheLargest() throws {
        let network = try Self.network()
        let search = NetworkSearch(network: network)
        #expect(search.route(from: Self.onMainStreet, to: Self.nearFootpath, mode: .walk).reason == .differentComponent)
        let largest = SnapOptions(largestComponentOnly: true)
        let route = try #require(search.route(from: Self.onMainStreet, to: Self.nearFootpath, mode: .walk, snap: largest).value)
        #expect(route.measure.metres > 500 && route.measure.metres < 700)
        let index = FacilityIndex(network: network, facilities: [Self.nearFootpath], mode: .walk)
        #expect(index.nearest(to: Self.onMainStreet).reason == .differentComponent)
    }

    @Test func beyondLimitAndOffNetwork() throws {
        let network = try Self.network()
        let search = NetworkSearch(network: network)
        let east = Coordinate(lon: 76.912, lat: 43.2501)
        #expect(search.route(from: Self.onMainStreet, to: east, mode: .walk, limitSeconds: 60).reason == .beyondLimit)
        #expect(search.route(from: Self.onMainStreet, to: east, mode: .walk, limitSeconds: 900).value != nil)
        let far = Coordinate(lon: 76.905, lat: 43.26)  // about 1.1 km north
        guard case .unreachable(.offNetwork(let d)) = search.route(from: far, to: east, mode: .walk) else {
            Issue.record("expected offNetwork"); return
        }
        #expect(d > 1000 && d < 1200)
    }

    @Test func oneWayGivesNoDirectedPathByCarOnly() throws {
        let network = try Self.network()
        let search = NetworkSearch(network: network)
        #expect(search.route(from: Self.onMainStreet, to: Self.onOneWay, mode: .drive).value != nil)
        #expect(search.route(from: Self.onOneWay, to: Self.onMainStreet, mode: .drive).reason == .noDirectedPath)
        #expect(search.route(from: Self.onOneWay, to: Self.onMainStreet, mode: .walk).value != nil)
        let index = FacilityIndex(network: network, facilities: [Self.onMainStreet], mode: .drive)
        #expect(index.nearest(to: Self.onOneWay).reason == .noDirectedPath)
    }
}
