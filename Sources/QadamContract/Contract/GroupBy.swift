/// What the service-gap measures roll their rows up by (`group_by`; `--group-by`).
public enum GroupBy: String, ClosedVocabulary {
    case district, oblast
    case settlementClass = "class"
    case urbanRural = "urban_rural"
    case agglomerationZone = "agglomeration_zone"
    case polycentre

    public static let wordName = "a group key"
}
