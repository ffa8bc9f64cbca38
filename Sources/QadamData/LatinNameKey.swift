/// A place name folded into one Latin spelling for matching, so that a name typed in Latin
/// letters finds the Cyrillic one and the other way round: «Ауэзовский район», «Auezov
/// district» and «Äuezov» all give `auezov`; «Жетысу» and «Zhetysu» give `jetisu`.
///
/// Cyrillic is first folded by `PlaceNameKey` (Kazakh letters, ё/э, Кунаев→Конаев), then
/// transliterated; Latin loses its diacritics. Both then lose the words that only say what kind
/// of place it is (район, ауданы, district, city, ...) and adjective endings (-ский, -skiy),
/// and the spellings that differ between transliteration systems are merged (kh/h, zh/j,
/// y/i, doubled letters). Never shown to people.
public struct LatinNameKey: Hashable, Sendable, CustomStringConvertible {
    public let folded: String

    public init(_ name: String) {
        var words: [String] = []
        for raw in name.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }) {
            let word = String(raw)
            if Self.placeWords.contains(word) { continue }
            let latin = word.unicodeScalars.contains { (0x0400...0x04FF).contains($0.value) }
                ? Self.transliterate(PlaceNameKey(word).folded) : Self.stripDiacritics(word)
            if Self.placeWords.contains(latin) { continue }
            words.append(Self.dropAdjectiveEnding(latin))
        }
        let merged = Self.merge(words.joined())
        folded = Self.variants[merged] ?? merged
    }

    /// `PlaceNameKey`'s whole-name variants (Кунаев→Конаев), in Latin, so «Kunaev» finds Конаев.
    private static let variants: [String: String] = Dictionary(uniqueKeysWithValues: PlaceNameKey.variants.map {
        (merge(transliterate($0.key)), merge(transliterate($0.value)))
    })

    public var description: String { folded }

    /// Kinds of place, in the languages names come in; dropped so «Медеуский район» = «Medeu».
    static let placeWords: Set<String> = [
        "район", "раион", "ауданы", "ауд", "р", "г", "город", "қаласы", "каласи", "село", "ауылы", "ауил",
        "поселок", "посёлок", "пгт", "мкр", "микрорайон", "district", "rayon", "raion", "region", "city",
        "town", "village", "audany", "audani", "qalasy", "kalasy", "oblast", "oblysy", "область", "облысы",
        "обл", "of",
    ]

    private static let table: [Character: String] = [
        "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ж": "zh", "з": "z", "и": "i", "й": "i",
        "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u",
        "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ь": "", "ю": "iu",
        "я": "ia",
    ]

    static func transliterate(_ cyrillic: String) -> String {
        cyrillic.map { table[$0] ?? String($0) }.joined()
    }

    static func stripDiacritics(_ latin: String) -> String {
        latin.applyingTransform(.stripDiacritics, reverse: false)?.lowercased() ?? latin
    }

    /// Russian adjective forms of district names (Алмалинский, Almalinskiy) → the stem.
    static func dropAdjectiveEnding(_ word: String) -> String {
        for ending in ["skiy", "skii", "skiye", "skaia", "skaya", "skoe", "sky", "ski", "inskiy"] where word.hasSuffix(ending) && word.count > ending.count + 2 {
            var stem = String(word.dropLast(ending.count))
            // Almalinskiy → Almaly: the -in- is the adjective's, not the name's.
            if stem.hasSuffix("in") && stem.count > 4 { stem = String(stem.dropLast(2)) + "i" }
            return stem
        }
        return word
    }

    /// Merges spellings that transliteration systems disagree on.
    static func merge(_ s: String) -> String {
        var t = s
        for (a, b) in [("shch", "sh"), ("kh", "h"), ("zh", "j"), ("ts", "c"), ("ch", "c"), ("sh", "s"),
                       ("yu", "iu"), ("ya", "ia"), ("y", "i"), ("w", "u"), ("q", "k"), ("x", "h"), ("ё", "e")] {
            t = t.replacingOccurrences(of: a, with: b)
        }
        var out = ""
        for ch in t where out.last != ch { out.append(ch) }
        return out
    }
}
