import Foundation

/// What a facility provides; decides which norms and capacity unit apply.
public enum FacilityKind: String, ClosedVocabulary {
    case school, kindergarten, polyclinic, hospital, ambulatory
    case feldsherPost = "feldsher_post"
    case pharmacy, sports, library, culture, other

    public static let wordName = "a facility kind"

    /// Reads a kind from our own names or the common OSM `amenity`/`healthcare` values
    /// (`clinic` is a polyclinic, `doctors` an ambulatory); nil when unrecognised.
    public init?(parsing text: String) {
        // Most requests spell the kind exactly; the normalising below goes through Foundation
        // and cost 8% of a `nearest` answer.
        if let exact = FacilityKind(rawValue: text) { self = exact; return }
        let key = text.trimmingCharacters(in: .whitespaces).lowercased()
            .replacingOccurrences(of: "-", with: "_").replacingOccurrences(of: " ", with: "_")
        if let k = FacilityKind(rawValue: key) { self = k; return }
        switch key {
        case "clinic": self = .polyclinic
        case "doctors", "ambulatory_clinic": self = .ambulatory
        case "fap", "feldsher", "feldsher_obstetric_post": self = .feldsherPost
        case "sports_centre", "sports_hall", "stadium": self = .sports
        case "community_centre", "arts_centre": self = .culture
        default: return nil
        }
    }
}
