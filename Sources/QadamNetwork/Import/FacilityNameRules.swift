import QadamData
import QadamContract

/// How a rule's words meet a name's words.
public enum FacilityNameMatch: String, Sendable {
    /// Each pattern word starts a name word: `поликлин` matches «Поликлиника», «поликлиники».
    /// Numbers are always whole: `поликлиника 1` matches «Поликлиника №1», not «№12».
    case wordPrefix = "prefix"
    /// Each pattern word is a whole name word: `ва` matches «ВА №2» but not «Ваганова».
    case wholeWord = "word"
}

/// One line of the table: names containing `pattern` (word by word, case-insensitive) are
/// facilities of `kind`.
public struct FacilityNameRule: Sendable, Equatable {
    public let pattern: String
    public let kind: FacilityKind
    public let match: FacilityNameMatch
    /// The pattern cut into words the way names are, so a pattern of several words matches
    /// that run of words (hyphens, `№` and punctuation all separate words).
    let words: [String]

    public init(_ pattern: String, _ kind: FacilityKind, _ match: FacilityNameMatch = .wordPrefix) {
        self.pattern = pattern; self.kind = kind; self.match = match
        words = Self.words(pattern)
    }

    func matches(_ nameWords: [String]) -> Bool {
        guard !words.isEmpty, nameWords.count >= words.count else { return false }
        return (0...(nameWords.count - words.count)).contains { start in
            zip(nameWords[start...], words).allSatisfy { name, word in
                match == .wholeWord || word.first!.isNumber ? name == word : name.hasPrefix(word)
            }
        }
    }

    /// Lowercased runs of letters and runs of digits: «ГП№5» and «ГП-5» are `гп`, `5`.
    static func words(_ text: String) -> [String] {
        var words: [String] = []
        var current = ""
        var currentIsDigits = false
        for character in text.lowercased() {
            let isLetter = character.isLetter, isDigit = character.isNumber
            if !(isLetter || isDigit) || (!current.isEmpty && isDigit != currentIsDigits) {
                if !current.isEmpty { words.append(current) }
                current = ""
            }
            if isLetter || isDigit {
                current.append(character)
                currentIsDigits = isDigit
            }
        }
        if !current.isEmpty { words.append(current) }
        return words
    }
}

/// What the name of a health facility in Kazakhstan says it is, when its OSM tags say less:
/// most polyclinics in Almaty's OSM data are tagged `amenity=hospital`, ambulatories
/// `amenity=doctors` or `clinic`, feldsher posts anything. The first rule (in order) that matches
/// any of the facility's names gives the kind. docs/osm-facilities.md lists the table.
public struct FacilityNameRules: Sendable {
    public var rules: [FacilityNameRule]

    public init(rules: [FacilityNameRule]) {
        self.rules = rules
    }

    /// The kinds a rule may give: the health care kinds a name can tell apart, and `other` for
    /// what is no primary care at all (a user rule for dental polyclinics, say).
    public static let kinds: [FacilityKind] = [.polyclinic, .ambulatory, .feldsherPost, .hospital, .other]

    /// Smallest unit first: an ambulatory or a feldsher post is often named after the
    /// polyclinic or hospital it belongs to («СВА при поликлинике №5»), never the other way round.
    public static let builtIn = FacilityNameRules(rules: [
        FacilityNameRule("фап", .feldsherPost, .wholeWord),
        FacilityNameRule("фп", .feldsherPost, .wholeWord),
        FacilityNameRule("фельдшер", .feldsherPost),          // also Kazakh «фельдшерлік-акушерлік пункт»
        FacilityNameRule("медпункт", .feldsherPost),
        FacilityNameRule("медицин пункт", .feldsherPost),     // «медицинский пункт», Kazakh «медициналық пункт»
        FacilityNameRule("сва", .ambulatory, .wholeWord),
        FacilityNameRule("ва", .ambulatory, .wholeWord),
        FacilityNameRule("амбулатори", .ambulatory),          // also Kazakh «(отбасылық) дәрігерлік амбулатория»
        FacilityNameRule("цпмсп", .ambulatory, .wholeWord),
        FacilityNameRule("центр первичной медико-санитарной помощи", .ambulatory),
        FacilityNameRule("поликлин", .polyclinic),            // also the misspelt «Поликлинника» found in OSM
        FacilityNameRule("кдц", .polyclinic, .wholeWord),
        FacilityNameRule("консультативно-диагностическ", .polyclinic),
        FacilityNameRule("емхана", .polyclinic),              // Kazakh: «емханасы», «қалалық емхана»
        FacilityNameRule("poliklinik", .polyclinic),
        FacilityNameRule("polyclinic", .polyclinic),
        FacilityNameRule("emkhana", .polyclinic),
        FacilityNameRule("больниц", .hospital),
        FacilityNameRule("госпитал", .hospital),
        FacilityNameRule("аурухана", .hospital),              // Kazakh: «ауруханасы»
        // After the hospital words: «ГП» is also the legal form «государственное предприятие»
        // («ГП на ПХВ „Городская больница №1“»).
        FacilityNameRule("гп", .polyclinic, .wholeWord),
    ])

    /// `userRules` tried before these.
    public func prepending(_ userRules: [FacilityNameRule]) -> FacilityNameRules {
        FacilityNameRules(rules: userRules + rules)
    }

    /// The kind the first matching rule gives, or nil when no rule matches any of `names`.
    public func kind(forNames names: [String]) -> FacilityKind? {
        let nameWords = names.map(FacilityNameRule.words)
        return rules.first { rule in nameWords.contains(where: rule.matches) }?.kind
    }
}
