import Foundation
import Testing
@testable import QadamMeasures

@Suite("Default norms catalogue")
struct NormsDefaultCatalogueTests {
    let catalogue: NormsCatalogue

    init() throws {
        catalogue = try NormsCatalogue.loadDefault(repositoryGeodata: NormsFixtures.geodata)
    }

    @Test func loadsAndValidates() {
        #expect(catalogue.name == "qadam-default")
        #expect(catalogue.rules.count >= 11)
        #expect(Set(catalogue.rules.map(\.id)).count == catalogue.rules.count)
    }

    @Test func everyRuleAndStandardNamesItsSource() {
        for rule in catalogue.rules {
            #expect(!rule.source.document.isEmpty, "rule \(rule.id)")
            #expect(rule.source.clause?.isEmpty == false, "rule \(rule.id) should say which clause")
        }
        for standard in catalogue.srs.standards {
            #expect(standard.source.url == "https://adilet.zan.kz/rus/docs/V1900018592")
        }
    }

    @Test func planningCodeRadiiForCities() throws {
        let expected: [(kind: String, metres: Double, lowRise: Double)] = [
            ("kindergarten", 300, 600), ("school", 500, 1000), ("polyclinic", 1000, 2000),
            ("pharmacy", 500, 800), ("sports", 500, 1000),
        ]
        for settlementClass in ["city_republican", "city_oblast", "city_district"] {
            for norm in expected {
                let walk = catalogue.rules(for: settlementClass, kind: norm.kind).filter { $0.maxDistanceMetres != nil }
                try #require(walk.count == 1, "\(settlementClass)/\(norm.kind)")
                #expect(walk[0].profile == "walk")
                #expect(walk[0].maxDistance(lowRise: false) == norm.metres)
                #expect(walk[0].maxDistance(lowRise: true) == norm.lowRise)
            }
        }
    }

    @Test func ruralHealthWithinThirtyMinutesByCar() throws {
        for settlementClass in ["rural_okrug_centre", "village_support", "village_satellite", "village_other"] {
            for kind in ["polyclinic", "ambulatory", "feldsher_post", "pharmacy"] {
                let rules = catalogue.rules(for: settlementClass, kind: kind)
                try #require(rules.count == 1, "\(settlementClass)/\(kind)")
                #expect(rules[0].profile == "drive")
                #expect(rules[0].maxTimeSeconds == 1800)
                #expect(rules[0].maxDistanceMetres == nil)
            }
            // School radii in villages follow the design brief: only the capacity norm applies.
            #expect(catalogue.rules(for: settlementClass, kind: "school").allSatisfy { $0.maxDistanceMetres == nil })
        }
    }

    @Test func capacityNormsLieInTheirDocumentedRanges() throws {
        let school = try #require(catalogue.rule(id: "regional-practice/school/capacity"))
        #expect(school.capacityPer1000Range == 90...136)
        let preschool = try #require(catalogue.rule(id: "regional-practice/kindergarten/capacity"))
        #expect(preschool.capacityPer1000Range == 42...85)
        for settlementClass in NormVocabulary.settlementClasses {
            #expect(catalogue.rules(for: settlementClass, kind: "school").contains(school))
            #expect(catalogue.rules(for: settlementClass, kind: "kindergarten").contains(preschool))
        }
    }

    @Test func srsObjectCountsPerClass() throws {
        let expected = [
            "city_republican": 56, "city_oblast": 56, "city_district": 49, "rural_okrug_centre": 40,
            "village_support": 40, "village_satellite": 29, "village_other": 29,
        ]
        for (settlementClass, count) in expected {
            let standard = try #require(catalogue.srs.standard(for: settlementClass))
            #expect(standard.objectCount == count, "\(settlementClass)")
            #expect(standard.directionCount == 12)
        }
        #expect(catalogue.srs.directions.count == 12)
        #expect(catalogue.srs.direction(of: "feldsher_post")?.id == "healthcare")
    }

    @Test func requiredKindsAreMeasurableAndMarkedAsAssumed() {
        for settlementClass in NormVocabulary.settlementClasses {
            let kinds = catalogue.requiredKinds(for: settlementClass)
            #expect(!kinds.isEmpty, "\(settlementClass)")
            for kind in kinds {
                #expect(!catalogue.rules(for: settlementClass, kind: kind).isEmpty, "\(settlementClass)/\(kind)")
            }
            #expect(catalogue.srs.standard(for: settlementClass)?.modelledKindsBasis == "assumption")
        }
        #expect(catalogue.requiredKinds(for: "village_other") == ["school", "feldsher_post"])
        #expect(catalogue.requiredKinds(for: "metropolis").isEmpty)
    }

    @Test func unknownClassOrKindFindsNoRules() {
        #expect(catalogue.rules(for: "city_oblast", kind: "library").isEmpty)
        #expect(catalogue.rules(for: "hamlet", kind: "school").isEmpty)
    }

    /// The schema's enums and NormVocabulary must say the same, or editors and the loader disagree.
    @Test func schemaVocabularyMatchesNormVocabulary() throws {
        let schema = try JSONSerialization.jsonObject(with: Data(contentsOf: NormsFixtures.schemaURL)) as! [String: Any]
        let defs = schema["$defs"] as! [String: Any]
        func enumValues(_ name: String) -> [String] {
            (defs[name] as! [String: Any])["enum"] as! [String]
        }
        #expect(enumValues("settlementClass") == NormVocabulary.settlementClasses)
        #expect(enumValues("facilityKind") == NormVocabulary.facilityKinds)
        #expect(enumValues("profile") == NormVocabulary.profiles)
    }
}
