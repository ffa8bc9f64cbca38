import QadamData
import QadamContract

extension MethodRegistry {
    /// `resolve` (`RPC.Resolve`). A name found is a few hash lookups, answered inline; a name
    /// not found ranks every place for suggestions, which goes to a worker.
    mutating func registerResolve() {
        register(RPC.Resolve.self, inline: .attempt(RPC.Resolve.self) { params, snapshot in
            try Self.resolve(params, snapshot, suggesting: false)
        }) { params, snapshot in
            try Self.resolve(params, snapshot, suggesting: true)!
        }
    }

    private static func resolve(_ params: RPC.Resolve.Params, _ snapshot: Snapshot, suggesting: Bool) throws -> RPC.Resolve.Result? {
        let kinds: Set<PlaceKind> = params.kind.map { [$0] } ?? [.settlement, .district]
        switch try snapshot.dataset.places.resolve(params.name, kinds: kinds, suggestions: suggesting ? 5 : 0) {
        case .found(let place): return .init(match: .found, place: place, candidates: [])
        case .ambiguous(let places): return .init(match: .ambiguous, place: nil, candidates: places)
        case .notFound(let suggestions): return suggesting ? .init(match: .notFound, place: nil, candidates: suggestions) : nil
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
