/// A member name that is not known until run time (a dictionary's key, an audit row's
/// `<kind>_<column>`), as a `CodingKey`.
struct MemberNameKey: CodingKey {
    let stringValue: String
    init(_ name: String) { stringValue = name }
    init?(stringValue: String) { self.stringValue = stringValue }
    var intValue: Int? { nil }
    init?(intValue: Int) { nil }
}
