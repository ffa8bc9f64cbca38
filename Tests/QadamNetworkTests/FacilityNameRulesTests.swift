import Foundation
import QadamData
@testable import QadamNetwork
import TestSupport
import Testing
import QadamContract

@Suite("Facility kinds from names (docs/osm-facilities.md)")
struct FacilityNameRulesTests {
    /// Names as they are written on Kazakh signs and in OSM, with the kind each must give.
    static let named: [(name: String, kind: FacilityKind)] = [
        ("ФАП с. Жаркент", .feldsherPost),
        ("ФП №4 аула Кызылтоган", .feldsherPost),
        ("Фельдшерско-акушерский пункт с. Нура", .feldsherPost),
        ("Фельдшерлік-акушерлік пункт, Шұбар ауылы", .feldsherPost),
        ("Медпункт", .feldsherPost),
        ("Медицинский пункт ст. Шу", .feldsherPost),
        ("Медициналық пункт", .feldsherPost),
        ("СВА №3", .ambulatory),
        ("СВА при поликлинике №5", .ambulatory),
        ("ВА с. Жетыген", .ambulatory),
        ("Врачебная амбулатория Кемер", .ambulatory),
        ("Семейная врачебная амбулатория «Достар»", .ambulatory),
        ("Дәрігерлік амбулатория", .ambulatory),
        ("Отбасылық дәрігерлік амбулатория №2", .ambulatory),
        ("Емхана, Врачебная амбулатория", .ambulatory),
        ("ЦПМСП №12", .ambulatory),
        ("Центр первичной медико-санитарной помощи «Алатау»", .ambulatory),
        ("Поликлиника №13", .polyclinic),
        ("Городская поликлиника № 16", .polyclinic),
        ("2 Поликлинника", .polyclinic),
        ("Детская поликлиника при городской больнице", .polyclinic),
        ("КДЦ", .polyclinic),
        ("Консультативно-диагностический центр", .polyclinic),
        ("№5 қалалық емхана", .polyclinic),
        ("Қалалық емханасы №1", .polyclinic),
        ("Poliklinika №4", .polyclinic),
        ("City Polyclinic No. 7", .polyclinic),
        ("Qalalyq emkhana 9", .polyclinic),
        ("Городская клиническая больница №7", .hospital),
        ("Военный госпиталь", .hospital),
        ("Аудандық ауруханасы", .hospital),
        ("ГП №5", .polyclinic),
        ("ГП-12", .polyclinic),
        ("ГП5", .polyclinic),
        ("ГП на ПХВ «Городская больница №1»", .hospital),
    ]

    /// Names no rule may touch: letters of a short word inside a longer one, a facility that
    /// names nothing the table knows.
    static let unnamed = ["Клиника на Ваганова", "ТОО Вариант", "Фапиус", "Гипократ", "Медицинский центр «Сункар»",
                          "НИИ Глазных болезней", "Амбулаторный", "ЦГКБ", "ЖГП"]

    @Test func everyRuleOfTheTableGivesItsKindToRealLookingNames() {
        let rules = FacilityNameRules.builtIn
        var used = Set<Int>()
        for (name, kind) in Self.named {
            #expect(rules.kind(forNames: [name]) == kind, "\(name)")
            let words = FacilityNameRule.words(name)
            if let index = rules.rules.firstIndex(where: { $0.matches(words) }) { used.insert(index) }
        }
        let unused = rules.rules.indices.filter { !used.contains($0) }.map { rules.rules[$0].pattern }
        #expect(unused.isEmpty, "rules no test name reaches: \(unused)")
        for name in Self.unnamed {
            #expect(rules.kind(forNames: [name]) == nil, "\(name)")
        }
    }

    /// The table in docs/osm-facilities.md is the code's table, row for row.
    @Test func theDocumentedTableIsTheBuiltInTable() throws {
        let doc = try String(contentsOf: SharedGeodata.repositoryRoot.appendingPathComponent("docs/osm-facilities.md"), encoding: .utf8)
        let rows = doc.split(separator: "\n").compactMap { line -> [String]? in
            let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            guard cells.count >= 4, Int(cells[0]) != nil else { return nil }
            return [cells[1], cells[2], cells[3]].map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "`")) }
        }
        #expect(rows == FacilityNameRules.builtIn.rules.map { [$0.pattern, $0.match.rawValue, $0.kind.rawValue] })
    }

    @Test func namesAreCutIntoWordsAtDigitsAndSigns() {
        #expect(FacilityNameRule.words("ГП№5") == ["гп", "5"])
        #expect(FacilityNameRule.words("«Қалалық» емхана-12") == ["қалалық", "емхана", "12"])
        #expect(FacilityNameRule.words("  ") == [])
    }

    @Test func onlyWhatTagsCallADoctorsPlaceIsReKinded() {
        // Tags that only say "doctors here" take the name's kind...
        #expect(OSMFacilityMapping.kind(for: ["amenity": "hospital", "name": "Поликлиника №13"]) == "polyclinic")
        #expect(OSMFacilityMapping.kind(for: ["amenity": "clinic", "name": "СВА №3"]) == "ambulatory")
        #expect(OSMFacilityMapping.kind(for: ["amenity": "doctors", "name": "Городская больница"]) == "hospital")
        #expect(OSMFacilityMapping.kind(for: ["healthcare": "centre", "name:kk": "Медициналық пункт"]) == "feldsher_post")
        #expect(OSMFacilityMapping.kind(for: ["healthcare": "blood_donation", "name": "КДЦ"]) == "polyclinic")
        // ...whichever name tag holds it, and a hospital keeps its kind when no name says otherwise.
        #expect(OSMFacilityMapping.kind(for: ["amenity": "hospital", "name": "№7", "name:ru": "Поликлиника №7"]) == "polyclinic")
        #expect(OSMFacilityMapping.kind(for: ["amenity": "hospital", "name": "Городская клиническая больница №7"]) == "hospital")
        #expect(OSMFacilityMapping.kind(for: ["amenity": "hospital", "name": "Больница им. Ваганова"]) == "hospital")
        // More specific tags win over the name.
        #expect(OSMFacilityMapping.kind(for: ["amenity": "pharmacy", "name": "Аптека при поликлинике №5"]) == "pharmacy")
        #expect(OSMFacilityMapping.kind(for: ["healthcare": "dentist", "name": "Стоматологическая поликлиника №1"]) == "dentist")
        #expect(OSMFacilityMapping.kind(for: ["amenity": "school", "name": "Школа при медпункте"]) == "school")
    }

    static func rulesFile(_ text: String) throws -> URL {
        try temporaryFile(Array(text.utf8), suffix: "-rules.csv")
    }

    @Test func aUsersRulesComeBeforeTheBuiltInOnes() throws {
        let url = try Self.rulesFile("""
            pattern,kind,match
            стоматолог,other,
            ДП,polyclinic,word
            поликлиника №1,hospital,prefix
            "детская больница, корпус",clinic,

            """)
        defer { try? FileManager.default.removeItem(at: url) }
        let userRules = try FacilityNameRulesFile.read(url)
        #expect(userRules == [FacilityNameRule("стоматолог", .other), FacilityNameRule("ДП", .polyclinic, .wholeWord),
                              FacilityNameRule("поликлиника №1", .hospital), FacilityNameRule("детская больница, корпус", .polyclinic)])
        let rules = FacilityNameRules.builtIn.prepending(userRules)
        #expect(OSMFacilityMapping.kind(for: ["amenity": "clinic", "name": "Стоматологическая поликлиника №1"], nameRules: rules) == "other")
        #expect(OSMFacilityMapping.kind(for: ["amenity": "hospital", "name": "ДП №3"], nameRules: rules) == "polyclinic")
        #expect(OSMFacilityMapping.kind(for: ["amenity": "hospital", "name": "ДПС"], nameRules: rules) == "hospital")
        // «поликлиника №1» is the words поликлиника, 1; a number is matched whole, not as a prefix of 12.
        #expect(OSMFacilityMapping.kind(for: ["amenity": "clinic", "name": "Поликлиника №1 (корпус 2)"], nameRules: rules) == "hospital")
        #expect(OSMFacilityMapping.kind(for: ["amenity": "clinic", "name": "Поликлиника №12"], nameRules: rules) == "polyclinic")
        #expect(OSMFacilityMapping.kind(for: ["amenity": "hospital", "name": "Поликлиника №2"], nameRules: rules) == "polyclinic")
        #expect(OSMFacilityMapping.kind(for: ["amenity": "clinic", "name": "Детская больница (корпус 2)"], nameRules: rules) == "polyclinic")
        // The columns may come in any order, and `match` may be left out.
        let short = try Self.rulesFile("kind,pattern\nambulatory,мсак\n")
        defer { try? FileManager.default.removeItem(at: short) }
        #expect(try FacilityNameRulesFile.read(short) == [FacilityNameRule("мсак", .ambulatory)])
    }

    @Test(arguments: [
        ("pattern,kind\nполиклин,polyclinic\nстоматолог,dentistry\n", "row 3", #"kind: "dentistry" is not one of polyclinic, ambulatory, feldsher_post, hospital, other"#),
        ("pattern,kind\nмектеп,school\n", "row 2", #"kind: "school" is not one of"#),
        ("pattern,kind,match\nдп,polyclinic,whole\n", "row 2", #"match: "whole" is neither prefix nor word"#),
        ("pattern,kind\n№,polyclinic\n", "row 2", "pattern: has no letters or digits"),
        ("pattern,kind\nдп,polyclinic,word\n", "row 2", "3 fields, the header has 2"),
        ("name,type\nдп,polyclinic\n", "row 1", "pattern,kind"),
        ("pattern,kind\n\"дп,polyclinic\n", "line 2", "a quoted field is never closed"),
        ("pattern,kind\nд\"п,polyclinic\n", "line 2", "a quote inside an unquoted field"),
    ])
    func brokenRulesFilesAreLocatedErrors(text: String, location: String, message: String) throws {
        let url = try Self.rulesFile(text)
        defer { try? FileManager.default.removeItem(at: url) }
        #expect {
            try FacilityNameRulesFile.read(url)
        } throws: { error in
            guard let error = error as? OSMReadError else { return false }
            return error.source == url.path && error.location == location && error.message.contains(message)
                && error.description.hasPrefix("\(url.path): \(location): ")
        }
    }
}
