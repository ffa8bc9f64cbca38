import Foundation
import QadamData
import QadamContract

/// The default Kazakhstan dataset as `scripts/build-default-dataset.sh` builds it from
/// ../shared/geodata (agglomerations, polycentres, geokz ADM1/ADM2, Almaty's districts, HOT OSM
/// places), made through the same `DatasetStore` imports, in a scratch directory, once per
/// test process. `classified` has also been through `SettlementClassifier`, as `qadam classify` does.
public enum KazakhstanDataset {
    public struct Built: Sendable {
        public let path: String
        public let factsDirectory: URL
    }

    public static var factsDirectory: URL { SharedGeodata.repositoryRoot.appendingPathComponent("geodata/facts") }
    public static var scenariosDirectory: URL { SharedGeodata.repositoryRoot.appendingPathComponent("geodata/scenarios") }

    /// Imported but not classified.
    public static func imported() throws -> Built { try importedOnce.get() }
    /// Imported and classified.
    public static func classified() throws -> Built { try classifiedOnce.get() }

    private static let importedOnce = Result { try build(classify: false) }
    private static let classifiedOnce = Result { try build(classify: true) }

    private static func build(classify: Bool) throws -> Built {
        let path = try DatasetFixture.scratchDirectory() + "/kz.sqlite"
        let store = try DatasetStore.create(URL(fileURLWithPath: path))
        func load(_ url: URL, _ layer: LayerKind, level: DistrictLevel? = nil, name: String? = nil) throws {
            var mapping = FieldMapping()
            if let name { mapping.fields["name"] = name }
            try store.importLayer(file: url, options: ImportOptions(layer: layer, mapping: mapping, districtLevel: level))
        }
        try load(factsDirectory.appendingPathComponent("agglomerations.csv"), .agglomerations, name: "name_en")
        try load(factsDirectory.appendingPathComponent("almaty_polycentres.csv"), .polycentres)
        try load(SharedGeodata.file("boundaries/kz_adm1_2024_geokz.geojson"), .districts, level: .oblast)
        try load(SharedGeodata.file("boundaries/kz_adm2_2024_geokz.geojson"), .districts, level: .rayon)
        try load(SharedGeodata.file("boundaries/almaty_districts_osm2017.geojson"), .districts, level: .cityDistrict)
        try load(SharedGeodata.file("settlements/kz_populated_places_hotosm.geojson"), .settlements)
        if classify {
            let result = SettlementClassifier(facts: try SettlementFacts.load(directory: factsDirectory))
                .classify(settlements: try store.settlements(), districts: try store.districts())
            try store.replaceLayer(.settlements(result.settlements), source: LayerSource(name: "HOT OSM populated places"))
        }
        return Built(path: path, factsDirectory: factsDirectory)
    }
}
