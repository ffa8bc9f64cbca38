import Foundation
import QadamData
import QadamNetwork
import QadamContract

/// Small real datasets for daemon and CLI tests, built the way `qadam import` builds them
/// (`DatasetStore` + `importLayer` from generated GeoJSON and CSV), so the daemon loads them
/// with its real loader and answers `locate` from real polygons.
///
/// One oblast split into two rayons along lon 77, and three settlements. The two variants
/// differ only in one settlement's population, so their content hashes differ while every
/// `locate` answer stays the same.
public enum DatasetFixture {
    public enum Variant: Sendable {
        case a, b
        /// Variant A plus a `facilities` and a `demand` layer, for the service-gap methods.
        case services
    }

    public struct FixtureError: Error, CustomStringConvertible {
        public let description: String
    }

    /// Layer sizes of either variant, as `info` reports them.
    public static let layerCounts = ["districts": 3, "settlements": 3]

    /// A point in the west rayon, 0.2° east of settlement S1 "Alpha".
    public static let westPoint = (lon: 76.7, lat: 43.5)

    static let districts = """
        {"type":"FeatureCollection","features":[
        {"type":"Feature","properties":{"id":"OB1","name":"Testoblast","level":"oblast"},
         "geometry":{"type":"Polygon","coordinates":[[[76,43],[78,43],[78,44],[76,44],[76,43]]]}},
        {"type":"Feature","properties":{"id":"R1","name":"Westrayon","level":"rayon","parent_id":"OB1"},
         "geometry":{"type":"Polygon","coordinates":[[[76,43],[77,43],[77,44],[76,44],[76,43]]]}},
        {"type":"Feature","properties":{"id":"R2","name":"Eastrayon","level":"rayon","parent_id":"OB1"},
         "geometry":{"type":"Polygon","coordinates":[[[77,43],[78,43],[78,44],[77,44],[77,43]]]}}]}
        """

    static func settlements(_ variant: Variant) -> String {
        let gammaPopulation = variant == .b ? 350 : 300
        return """
            id,name,lon,lat,place,population
            S1,Alpha,76.5,43.5,town,12000
            S2,Beta,77.5,43.5,village,800
            S3,Gamma,77.2,43.8,village,\(gammaPopulation)

            """
    }

    /// Schools, a polyclinic and a feldsher post. Eastrayon (R2) has 800 school seats (F2 500,
    /// F3 300) for 1,000 school-age children (D3, D4: 2,000 residents × 0.25 each); the only
    /// polyclinic P1 lies about 17 km west of Beta.
    static let facilities = """
        id,kind,name,lon,lat,capacity
        F1,school,West school,76.5,43.501,3000
        F2,school,Beta school,77.5,43.501,500
        F3,school,Gamma school,77.2,43.8,300
        P1,polyclinic,Polyclinic,77.2895,43.5,400
        FP1,feldsher_post,Gamma post,77.2,43.801,20

        """

    /// Homes: D2 has no school-age share, so the default share applies to it.
    static let demand = """
        id,lon,lat,population,school_age_share
        D1,76.5,43.5,4000,0.25
        D2,76.51,43.5,4000,
        D3,77.5,43.5,2000,0.25
        D4,77.51,43.5,2000,0.25

        """

    /// Layer sizes of the variant with a street network (`write(..., withNetwork: true)`).
    public static let networkLayerCounts = ["districts": 3, "settlements": 3, "facilities": 3, "network": 112]

    /// The street network's extent: `SyntheticCity(rows: 8, columns: 8, seed: 1)`, an 8 × 8
    /// block grid of about 110 m in the west rayon (SW corner 76.88, 43.22).
    public static let networkCity = SyntheticCity(rows: 8, columns: 8, seed: 1)

    /// A point inside the synthetic city, near its middle.
    public static let cityPoint = (lon: 76.8845, lat: 43.2235)

    /// Two schools and a polyclinic inside the synthetic city.
    static let networkFacilities = """
        id,name,kind,lon,lat,capacity
        F1,School One,school,76.8815,43.2210,600
        F2,School Two,school,76.8880,43.2255,900
        F3,City Polyclinic,polyclinic,76.8850,43.2230,250

        """

    /// Builds the dataset at `path` (which must not exist) and returns its content hash.
    /// `withNetwork` adds the synthetic city's streets, imported through `qadam import`'s own
    /// network path (`DatasetNetworkImport`), and three facilities in it.
    @discardableResult
    public static func write(to path: String, variant: Variant = .a, withNetwork: Bool = false) throws -> String {
        let sources = URL(fileURLWithPath: try scratchDirectory())
        defer { try? FileManager.default.removeItem(at: sources) }
        let districtsFile = sources.appendingPathComponent("districts.geojson")
        let settlementsFile = sources.appendingPathComponent("settlements.csv")
        try Data(districts.utf8).write(to: districtsFile)
        try Data(settlements(variant).utf8).write(to: settlementsFile)
        let store = try DatasetStore.create(URL(fileURLWithPath: path))
        try store.importLayer(file: districtsFile, options: ImportOptions(layer: .districts, licence: "CC0"))
        try store.importLayer(file: settlementsFile, options: ImportOptions(layer: .settlements, licence: "CC0"))
        if variant == .services {
            for (name, text, layer) in [("facilities.csv", facilities, LayerKind.facilities), ("demand.csv", demand, .demand)] {
                let file = sources.appendingPathComponent(name)
                try Data(text.utf8).write(to: file)
                try store.importLayer(file: file, options: ImportOptions(layer: layer, licence: "CC0"))
            }
        }
        if withNetwork {
            let facilitiesFile = sources.appendingPathComponent("network-facilities.csv")
            try Data(networkFacilities.utf8).write(to: facilitiesFile)
            try store.importLayer(file: facilitiesFile, options: ImportOptions(layer: .facilities, licence: "CC0"))
            _ = try DatasetNetworkImport.run(
                source: networkCity.elementSource(), files: [URL(fileURLWithPath: "synthetic-city.osm")], dataset: store.url,
                options: NetworkImportOptions(collectFacilities: false), layerSource: LayerSource(file: "synthetic-city.osm", licence: "CC0"))
        }
        return try store.info().contentHash
    }

    /// The content hash `write` gives for `variant`, without keeping a file.
    public static func contentHash(of variant: Variant) throws -> String {
        let dir = try scratchDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        return try write(to: dir + "/probe.qadam", variant: variant)
    }

    /// Replaces `path` atomically (build beside it, then rename), as a deploy script would;
    /// returns the new content hash.
    @discardableResult
    public static func replace(_ path: String, variant: Variant) throws -> String {
        let staging = path + ".new"
        try? FileManager.default.removeItem(atPath: staging)
        let hash = try write(to: staging, variant: variant)
        guard rename(staging, path) == 0 else { throw FixtureError(description: "rename to \(path) failed") }
        return hash
    }

    /// Replaces `path` atomically with bytes that are not a database.
    public static func replaceWithGarbage(_ path: String) throws {
        let staging = path + ".new"
        try Data(repeating: 0x5A, count: 4096).write(to: URL(fileURLWithPath: staging))
        guard rename(staging, path) == 0 else { throw FixtureError(description: "rename to \(path) failed") }
    }

    /// A fresh scratch directory with a short path (Unix socket paths are limited to 107 bytes).
    public static func scratchDirectory() throws -> String {
        var template = Array("/tmp/qadam-test-XXXXXX".utf8CString)
        guard let made = mkdtemp(&template) else { throw FixtureError(description: "mkdtemp failed") }
        return String(cString: made)
    }

    /// The repository's norms catalogue, passed explicitly so tests work from any directory.
    public static var normsPath: String {
        SharedGeodata.repositoryRoot.appendingPathComponent("geodata/norms/default.json").path
    }
}
