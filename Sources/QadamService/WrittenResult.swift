import QadamProtocol

/// A result already written as JSON text (the service-gap answers, by `AnalyticsOutput` with
/// snake_case keys). The registry copies its bytes into the answer: it used to be parsed back
/// into a tree, have `snapshot` added and be written again.
struct WrittenResult: Encodable {
    let encoded: EncodedJSON

    init(_ encoded: EncodedJSON) {
        self.encoded = encoded
    }

    /// The same JSON through any other encoder (the registry never takes this path).
    func encode(to encoder: any Encoder) throws {
        try JSONText.parse(encoded.bytes, maximumDepth: .max).encode(to: encoder)
    }
}
