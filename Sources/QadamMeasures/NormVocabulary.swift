import QadamContract

/// The identifiers a norms catalogue may use, kept in one place.
///
/// The catalogue is read as strings and checked against these lists, so that a wrong word is
/// reported with its rule and file rather than failing the whole decoding;
/// `geodata/norms/schema.json` mirrors them for editors. The settlement classes are the wire
/// contract's `SettlementClass` words.
public enum NormVocabulary {
    /// Settlement classes of the System of Regional Standards (СРС), largest first: the
    /// contract's `SettlementClass` words.
    public static let settlementClasses: [String] = SettlementClass.allCases.map(\.rawValue)

    /// Facility kinds a rule can be about.
    public static let facilityKinds: [String] = [
        "school", "kindergarten", "polyclinic", "hospital", "ambulatory", "feldsher_post",
        "pharmacy", "sports",
    ]

    /// Travel profiles a distance or time limit can be measured with (QadamNetwork's profiles).
    public static let profiles: [String] = ["walk", "wheelchair", "drive"]

    /// Where a СРС standard's list of modelled kinds comes from.
    public static let modelledKindsBases: [String] = ["document", "assumption"]
}
