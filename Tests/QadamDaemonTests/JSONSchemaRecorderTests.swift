import QadamContract
import Testing

/// The schema recorder on small types whose schema is known by hand: members and their
/// optionality (primitive optionals included, which the standard library's defaults would make
/// required), arrays against fixed tuples, vocabularies with their words, nested objects.
@Suite struct JSONSchemaRecorderTests {
    struct Sample: Codable {
        var name: String
        var count: Int?
        var share: Double
        var flags: [Bool]
        var at: Coordinate
        var kind: FacilityKind?
        var inner: Inner
        struct Inner: Codable { var id: Int64 }
    }

    @Test func aTypeIsDescribedAsItDecodes() {
        let schema = JSONSchemaRecorder.schema(of: Sample.self)
        #expect(schema["type"] == "object")
        let required = Set((schema["required"]?.arrayValue ?? []).compactMap(\.stringValue))
        #expect(required == ["name", "share", "flags", "at", "inner"])
        let properties = schema["properties"]
        #expect(properties?["name"] == ["type": "string"])
        #expect(properties?["count"] == ["anyOf": [["type": "integer"], ["type": "null"]]])
        #expect(properties?["share"] == ["type": "number"])
        #expect(properties?["flags"] == ["type": "array", "items": ["type": "boolean"]])
        #expect(properties?["at"] == ["type": "array", "items": ["type": "number"], "minItems": 2, "maxItems": 2])
        #expect(properties?["kind"]?["anyOf"]?.arrayValue?.first?["enum"]?.arrayValue?.compactMap(\.stringValue) == FacilityKind.allCases.map(\.rawValue))
        #expect(properties?["inner"]?["properties"]?["id"] == ["type": "integer"])
    }
}
