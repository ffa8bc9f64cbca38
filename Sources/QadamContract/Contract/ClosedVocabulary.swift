/// A closed set of words on the wire: facility kind, travel profile, place kind... One enum per
/// set, shared by the daemon, the CLI (its options take the same words) and outside clients.
/// A request is read leniently through `init(parsing:)`; a word outside the set is refused with
/// the whole set listed, as a decoding error at its field.
public protocol ClosedVocabulary: RawRepresentable<String>, CaseIterable, Codable, Sendable, Hashable {
    /// The case `text` names, in any spelling the set accepts; nil when it names none.
    init?(parsing text: String)
    /// What one word of the set is, for messages: "a facility kind".
    static var wordName: String { get }
}

extension ClosedVocabulary {
    public init?(parsing text: String) { self.init(rawValue: text) }

    /// Every word of the set, comma-separated, in declaration order.
    public static var accepted: String { allCases.map(\.rawValue).joined(separator: ", ") }

    /// Why `text` is refused: "must be a facility kind (school, ...), got 'spaceport'".
    public static func refusal(of text: String) -> String { "must be \(wordName) (\(accepted)), got '\(text)'" }

    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let value = Self(parsing: text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: Self.refusal(of: text))
        }
        self = value
    }
}
