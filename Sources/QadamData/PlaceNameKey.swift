/// A place name folded for matching only, so that the Russian, Kazakh and transliterated
/// spellings of one town compare equal: «Қонаев», «Конаев» and «Кунаев»; «Жітіқара» and
/// «Житикара»; «Ауэзовский» and «Ауезовский».
///
/// Folding: lower case; `ё`→`е`, `э`→`е`; Kazakh letters to their Russian look-alikes
/// (`қ`→`к`, `ғ`→`г`, `ң`→`н`, `ө`→`о`, `ұ`/`ү`→`у`, `һ`→`х`, `і`→`и`, `ә`→`а`); `ы`→`и`
/// (Жетысу/Жетісу); hyphens and spaces dropped; then the few whole-name variants the
/// documents show (Кунаев→Конаев, Боролдай→Боралдай). Never shown to people.
public struct PlaceNameKey: Hashable, Sendable, CustomStringConvertible {
    public let folded: String

    public init(_ name: String) {
        var out = ""
        for ch in name.lowercased() {
            switch ch {
            case "ё", "э": out.append("е")
            case "қ": out.append("к")
            case "ғ": out.append("г")
            case "ң": out.append("н")
            case "ө": out.append("о")
            case "ұ", "ү": out.append("у")
            case "һ": out.append("х")
            case "і", "ы": out.append("и")
            case "ә": out.append("а")
            case "-", " ", "\u{2010}", "\u{2013}", ".": continue
            default: out.append(ch)
            }
        }
        folded = Self.variants[out] ?? out
    }

    /// Whole-name spelling variants named in the documents, folded on both sides.
    static let variants: [String: String] = [
        "кунаев": "конаев",
        "боролдай": "боралдай",
    ]

    public var description: String { folded }

    /// Keys of every name form a place carries (local, ru, kk, en), without duplicates.
    public static func keys(of names: PlaceNames) -> Set<PlaceNameKey> {
        Set([names.local, names.ru, names.kk, names.en].compactMap { $0 }.filter { !$0.isEmpty }.map(PlaceNameKey.init))
    }
}
