import Foundation
import Testing
@testable import QadamMeasures

@Suite("Norms catalogue errors")
struct NormsCatalogueErrorTests {
    /// The single issue of an `invalid` error, or a recorded failure.
    private func onlyIssue(_ error: NormsCatalogueError?, sourceLocation: SourceLocation = #_sourceLocation) -> NormsIssue? {
        guard case let .invalid(_, issues) = error else {
            Issue.record("expected .invalid, got \(String(describing: error))", sourceLocation: sourceLocation)
            return nil
        }
        #expect(issues.count == 1, "issues: \(issues)", sourceLocation: sourceLocation)
        return issues.first
    }

    @Test func badJSONIsMalformedAndNamesTheFile() throws {
        let url = try NormsFixtures.write(Data("{\"name\": \"x\", \"rules\": [".utf8))
        let error = try #require(NormsFixtures.loadError(url))
        guard case let .malformed(file, _, _, reason) = error else {
            Issue.record("expected .malformed, got \(error)")
            return
        }
        #expect(file == url.path)
        #expect(reason.contains("not valid JSON"))
        #expect(error.description.hasPrefix(url.path))
    }

    @Test func wrongJSONTypeIsLocatedWithRuleID() throws {
        let url = try NormsFixtures.write(NormsFixtures.editingRule(2) { $0["max_distance_m"] = "1 km" })
        let error = try #require(NormsFixtures.loadError(url))
        #expect(error == .malformed(file: url.path, path: "rules[2].max_distance_m",
                                    ruleID: "sp-rk-3.01-101-2013/polyclinic/urban-walk", reason: "wrong type, expected a number"))
        #expect(error.description.contains("at rules[2].max_distance_m (id \"sp-rk-3.01-101-2013/polyclinic/urban-walk\"): wrong type"))
    }

    @Test func unknownKindIsLocated() throws {
        let url = try NormsFixtures.write(NormsFixtures.editingRule(1) { $0["facility_kind"] = "skool" })
        let issue = try #require(onlyIssue(NormsFixtures.loadError(url)))
        #expect(issue.file == url.path)
        #expect(issue.path == "rules[1]")
        #expect(issue.ruleID == "sp-rk-3.01-101-2013/school/urban-walk")
        #expect(issue.field == "facility_kind")
        #expect(issue.message.contains("unknown facility kind \"skool\""))
    }

    @Test func unknownSettlementClassAndProfileAreLocated() throws {
        let tree = try NormsFixtures.editingRule(0) {
            $0["settlement_classes"] = ["city_oblast", "megacity"]
            $0["profile"] = "bicycle"
        }
        let error = NormsFixtures.loadError(try NormsFixtures.write(tree))
        let fields = Set(error?.issues.filter { $0.path == "rules[0]" }.map(\.field) ?? [])
        #expect(fields == ["settlement_classes", "profile"])
        // A class missing from one rule can leave an СРС required kind without a rule; that is
        // reported too, but on the standard, not on the rule.
        #expect(error?.issues.allSatisfy { $0.path == "rules[0]" || $0.path.hasPrefix("srs.standards") } == true)
    }

    @Test func duplicateIDPointsAtBothRules() throws {
        var tree = try NormsFixtures.defaultTree()
        var rules = tree["rules"] as! [[String: Any]]
        rules[4]["id"] = rules[0]["id"]
        tree["rules"] = rules
        let issue = try #require(onlyIssue(NormsFixtures.loadError(try NormsFixtures.write(tree))))
        #expect(issue.path == "rules[4]")
        #expect(issue.field == "id")
        #expect(issue.message == "duplicate id, already used by rules[0]")
    }

    @Test func negativeDistanceIsLocated() throws {
        let url = try NormsFixtures.write(NormsFixtures.editingRule(0) { $0["max_distance_m"] = -300 })
        let issue = try #require(onlyIssue(NormsFixtures.loadError(url)))
        #expect(issue.path == "rules[0]")
        #expect(issue.field == "max_distance_m")
        #expect(issue.message == "must be a positive finite number, got -300.0")
    }

    @Test func missingSourceIsLocated() throws {
        let url = try NormsFixtures.write(NormsFixtures.editingRule(5) { $0["source"] = nil })
        let issue = try #require(onlyIssue(NormsFixtures.loadError(url)))
        #expect(issue.path == "rules[5]")
        #expect(issue.field == "source")
        #expect(issue.message.hasPrefix("missing"))
    }

    @Test func misspeltFieldIsReportedNotIgnored() throws {
        let url = try NormsFixtures.write(NormsFixtures.editingRule(3) {
            $0["max_distance"] = $0["max_distance_m"]
        })
        let issue = try #require(onlyIssue(NormsFixtures.loadError(url)))
        #expect(issue.path == "rules[3]")
        #expect(issue.field == "max_distance")
        #expect(issue.message.hasPrefix("unknown field"))
    }

    @Test func capacityOutsideItsRangeIsLocated() throws {
        let index = try NormsFixtures.defaultTree()["rules"].map { $0 as! [[String: Any]] }!
            .firstIndex { ($0["id"] as? String) == "regional-practice/school/capacity" }!
        let url = try NormsFixtures.write(NormsFixtures.editingRule(index) { $0["capacity_per_1000"] = 200 })
        let issue = try #require(onlyIssue(NormsFixtures.loadError(url)))
        #expect(issue.field == "capacity_per_1000")
        #expect(issue.message.contains("outside capacity_per_1000_range"))
    }

    @Test func requiredKindWithoutRuleIsReportedOnTheStandard() throws {
        var tree = try NormsFixtures.defaultTree()
        var srs = tree["srs"] as! [String: Any]
        var standards = srs["standards"] as! [[String: Any]]
        standards[3]["modelled_kinds"] = ["school", "hospital"]
        srs["standards"] = standards
        tree["srs"] = srs
        let error = NormsFixtures.loadError(try NormsFixtures.write(tree))
        let issues = error?.issues ?? []
        #expect(issues.count == 2) // village_satellite and village_other
        #expect(issues.allSatisfy { $0.path == "srs.standards[3]" && $0.field == "modelled_kinds" })
        #expect(issues.first?.message == "required kind \"hospital\" has no rule for class \"village_satellite\"")
    }

    @Test func allProblemsAreReportedAtOnce() throws {
        var tree = try NormsFixtures.defaultTree()
        var rules = tree["rules"] as! [[String: Any]]
        rules[0]["max_distance_m"] = 0
        rules[6]["source"] = ["document": " "]
        rules[7]["low_rise_multiplier"] = 0.5
        tree["rules"] = rules
        tree["version"] = nil
        let issues = NormsFixtures.loadError(try NormsFixtures.write(tree))?.issues ?? []
        let located = Set(issues.map { "\($0.path)|\($0.field)" })
        #expect(located == ["rules[0]|max_distance_m", "rules[6]|source.document", "rules[7]|low_rise_multiplier", "|version"])
    }

    @Test func missingFileIsUnreadable() {
        let url = URL(fileURLWithPath: "/nonexistent/qadam/norms.json")
        guard case let .unreadable(file, _) = NormsFixtures.loadError(url) else {
            Issue.record("expected .unreadable")
            return
        }
        #expect(file == url.path)
    }
}
