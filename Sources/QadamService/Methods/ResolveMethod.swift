import QadamData
import QadamProtocol

/// `resolve`: the settlement or district a name stands for, in any of its spellings
/// (Kazakh, Russian, Latin; any case; Ауэзовский/Ауезовский, Конаев/Кунаев), or the places it
/// could mean. Clients call it to let people name places instead of typing coordinates.
struct ResolveParams: Decodable {
    let name: String
    /// `settlement`, `district`, or absent for both.
    let kind: PlaceDirectory.Kind?
}

struct ResolveResult: Encodable {
    /// `found`, `ambiguous` or `not_found`.
    let match: String
    let place: PlaceDirectory.Place?
    /// Every place the name may mean (ambiguous), or the closest spellings (not found).
    let candidates: [PlaceDirectory.Place]
}

extension MethodRegistry {
    mutating func registerResolve() {
        // A name found is a few hash lookups, answered inline; a name not found ranks every
        // place for suggestions, which goes to a worker.
        register("resolve", inline: .attempt { raw, snapshot in try Self.resolve(Params.decode(ResolveParams.self, from: raw), snapshot, suggesting: false) }) { raw, snapshot in
            try Self.resolve(Params.decode(ResolveParams.self, from: raw), snapshot, suggesting: true)!
        }
    }

    private static func resolve(_ params: ResolveParams, _ snapshot: Snapshot, suggesting: Bool) throws -> ResolveResult? {
        let kinds: Set<PlaceDirectory.Kind> = params.kind.map { [$0] } ?? [.settlement, .district]
        switch try snapshot.dataset.places.resolve(params.name, kinds: kinds, suggestions: suggesting ? 5 : 0) {
        case .found(let place): return ResolveResult(match: "found", place: place, candidates: [])
        case .ambiguous(let places): return ResolveResult(match: "ambiguous", place: nil, candidates: places)
        case .notFound(let suggestions): return suggesting ? ResolveResult(match: "not_found", place: nil, candidates: suggestions) : nil
        }
    }
}

extension PlaceDirectory {
    /// The one place `name` stands for, or a -32602 error on `field` that lists what it could
    /// mean ("did you mean ...?"), for parameters that name a place.
    func place(_ name: String, kinds: Set<Kind>, field: String) throws(RPCError) -> Place {
        func list(_ places: [Place]) -> String {
            places.prefix(8).map { p in
                "\(p.name) (\(p.detail ?? p.kind.rawValue), id \(p.id)\(p.population.map { ", \($0) people" } ?? ""))"
            }.joined(separator: "; ")
        }
        switch resolve(name, kinds: kinds) {
        case .found(let place): return place
        case .ambiguous(let places):
            throw RPCError.invalidParams(field: field, "'\(name)' is ambiguous: did you mean \(list(places))? Give the id instead")
        case .notFound(let suggestions) where !suggestions.isEmpty:
            throw RPCError.invalidParams(field: field, "names no \(kinds.count == 1 ? kinds.first!.rawValue : "place") of the dataset: '\(name)'; did you mean \(list(suggestions))?")
        case .notFound:
            throw RPCError.invalidParams(field: field, "names no \(kinds.count == 1 ? kinds.first!.rawValue : "place") of the dataset: '\(name)'")
        }
    }
}
