import Foundation
import QadamData
import Testing

@Suite("Field mapping")
struct FieldMappingTests {
    static let schools = """
        obj,x,y,type,seats,title
        A-1,76.90,43.20,school,900,Gymnasium 1
        A-2,76.91,43.21,kindergarten,120,Balbobek
        """

    @Test func mappingFileAndPairsPickTheSourceFields() throws {
        let dir = try TemporaryDirectory()
        let csv = try dir.write("s.csv", Self.schools)
        let mappingFile = try dir.write("m.json", #"{"layer": "facilities", "fields": {"id": "obj", "kind": "type"}}"#)
        let mapping = try FieldMapping.load(mappingFile).merging(pairs: ["capacity=seats", "name = title"])
        #expect(mapping.layer == .facilities)
        let (records, report) = try LayerImporter.read(file: csv, options: ImportOptions(mapping: mapping))
        #expect(report.errors.isEmpty)
        #expect(report.fields["capacity"] == "seats")
        guard case .facilities(let f) = records else { Issue.record("not facilities"); return }
        #expect(f.map(\.id) == ["A-1", "A-2"])
        #expect(f[0].name == "Gymnasium 1")
        #expect(f[0].capacity == 900)
        #expect(f[1].kind == .kindergarten)
    }

    @Test func badMappingsAreRefused() throws {
        let dir = try TemporaryDirectory()
        #expect(throws: ImportError.self) { try FieldMapping().merging(pairs: ["capacity"]) }
        #expect(throws: ImportError.self) { try FieldMapping.load(try dir.write("a.json", #"{"layer": "roads"}"#)) }
        #expect(throws: ImportError.self) { try FieldMapping.load(try dir.write("b.json", #"{"id": 3}"#)) }
        let csv = try dir.write("s.csv", Self.schools)
        let unknownTarget = FieldMapping(fields: ["colour": "type"])
        #expect(throws: ImportError.self) {
            try LayerImporter.validate(file: csv, options: ImportOptions(layer: .facilities, mapping: unknownTarget))
        }
    }
}
