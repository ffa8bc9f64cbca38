import Foundation
import QadamGeo
import Testing
@testable import QadamMeasures

/// Property: breaking any one numeric limit of any one rule of the default catalogue yields
/// exactly one issue, located at that rule and field; the loader never lets a bad number through
/// and never blames the wrong place.
@Suite("Norms validation properties")
struct NormsValidationPropertyTests {

    @Test func anyBrokenLimitIsLocatedAtItsRuleAndField() throws {
        let base = try NormsFixtures.defaultTree()
        let rules = base["rules"] as! [[String: Any]]
        let numericFields = ["max_distance_m", "max_time_min", "capacity_per_1000", "assumed_capacity"]
        var rng = SplitMix64(seed: 20_260_401)
        for _ in 0..<60 {
            let index = Int.random(in: rules.indices, using: &rng)
            let present = numericFields.filter { rules[index][$0] != nil }
            let field = try #require(present.randomElement(using: &rng))
            let bad = [0, -Double.random(in: 0.001...10_000, using: &rng)].randomElement(using: &rng)!
            var tree = base
            var edited = rules
            edited[index][field] = bad
            tree["rules"] = edited
            let data = try JSONSerialization.data(withJSONObject: tree)
            do {
                _ = try NormsCatalogue.decode(data, file: "mutated.json")
                Issue.record("rules[\(index)].\(field) = \(bad) was accepted")
            } catch let error as NormsCatalogueError {
                let issues = error.issues
                #expect(issues.count == 1, "rules[\(index)].\(field) = \(bad): \(issues)")
                #expect(issues.first?.path == "rules[\(index)]")
                #expect(issues.first?.field == field)
                #expect(issues.first?.ruleID == rules[index]["id"] as? String)
            }
        }
    }

    /// Reference check of the lookup: `rules(for:kind:)` agrees with a brute-force scan for every
    /// class and kind, including identifiers outside the vocabulary.
    @Test func lookupMatchesBruteForce() throws {
        let catalogue = try NormsCatalogue.loadDefault(repositoryGeodata: NormsFixtures.geodata)
        for settlementClass in NormVocabulary.settlementClasses + ["unknown"] {
            for kind in NormVocabulary.facilityKinds + ["unknown"] {
                var expected: [String] = []
                for rule in catalogue.rules {
                    if rule.facilityKind == kind, rule.settlementClasses.contains(settlementClass) {
                        expected.append(rule.id)
                    }
                }
                #expect(catalogue.rules(for: settlementClass, kind: kind).map(\.id) == expected)
            }
        }
    }
}
