/// How `JSONStreamEncoder` writes the keys of a type's `CodingKeys`.
public enum JSONKeyStyle: Sendable {
    /// As the keys spell themselves (the contract's types name every key).
    case asDeclared
    /// `maxDistanceM` as `max_distance_m`, word for word as Foundation's `.convertToSnakeCase`
    /// splits it (StreamCodingTests hold the two equal), for result types that rely on it.
    case snakeCase

    func write(_ key: String) -> String {
        switch self {
        case .asDeclared: return key
        case .snakeCase: return Self.snakeCased(key)
        }
    }

    /// Words start at a capital after a lower-case run; a run of capitals is one word, up to the
    /// capital before the next lower-case letter (`URLValue`: `url_value`). Each word is
    /// lower-cased and the words joined by `_`.
    public static func snakeCased(_ key: String) -> String {
        let scalars = Array(key.unicodeScalars)
        guard !scalars.isEmpty else { return key }
        func isUpper(_ i: Int) -> Bool {
            let category = scalars[i].properties.generalCategory
            return category == .uppercaseLetter || category == .titlecaseLetter
        }
        func isLower(_ i: Int) -> Bool { scalars[i].properties.generalCategory == .lowercaseLetter }
        var words: [Range<Int>] = []
        var wordStart = 0, searchFrom = 1
        while let upper = (searchFrom..<max(searchFrom, scalars.count)).first(where: isUpper) {
            words.append(wordStart..<upper)
            guard let lower = (upper..<scalars.count).first(where: isLower) else {
                wordStart = upper
                break
            }
            if lower == upper + 1 {
                wordStart = upper
            } else {
                words.append(upper..<(lower - 1))
                wordStart = lower - 1
            }
            searchFrom = lower + 1
        }
        words.append(wordStart..<scalars.count)
        return words.map { String(String.UnicodeScalarView(scalars[$0])).lowercased() }.joined(separator: "_")
    }
}
