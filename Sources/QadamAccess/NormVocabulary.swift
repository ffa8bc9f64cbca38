/// The identifiers a norms catalogue may use, kept in one place.
///
/// Why strings and not enums: the settlement-class and facility-kind enums belong to QadamData's
/// domain model. Until the catalogue switches to them, these lists are the single place that says
/// which raw identifiers are valid; `geodata/norms/schema.json` mirrors them for editors.
public enum NormVocabulary {
    /// Settlement classes of the System of Regional Standards (СРС), largest first.
    public static let settlementClasses: [String] = [
        "city_republican", "city_oblast", "city_district", "rural_okrug_centre",
        "village_support", "village_satellite", "village_other",
    ]

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
