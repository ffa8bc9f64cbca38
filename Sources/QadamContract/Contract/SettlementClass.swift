/// A settlement's class in the System of Regional Standards (СРС), which decides the set of
/// norms that apply to it.
public enum SettlementClass: String, ClosedVocabulary {
    case cityRepublican = "city_republican"
    case cityOblast = "city_oblast"
    case cityDistrict = "city_district"
    case ruralOkrugCentre = "rural_okrug_centre"
    case villageSupport = "village_support"
    case villageSatellite = "village_satellite"
    case villageOther = "village_other"

    public static let wordName = "a settlement class"
}
