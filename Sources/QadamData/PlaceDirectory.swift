import QadamGeo
import QadamContract

/// Finds settlements and districts by name, in Kazakh, Russian or Latin spelling, ignoring
/// case and the usual spelling variants (Ауэзовский/Ауезовский/Auezov, Конаев/Кунаев/Qonaev),
/// so people can name a place instead of typing coordinates.
///
/// An id matches exactly. A name matches when its folded form (`PlaceNameKey` for Cyrillic,
/// `LatinNameKey` across scripts) equals the query's. Several matches are returned as
/// ambiguous, biggest first, for a "did you mean" answer; no match gives the nearest spellings
/// by edit distance as suggestions.
public final class PlaceDirectory: Sendable {
    /// What the directory holds and answers with are the wire contract's (`resolve`).
    public typealias Kind = PlaceKind
    public typealias Place = RPC.Resolve.Place

    public enum Resolution: Sendable, Equatable {
        case found(Place)
        /// Several places answer to the name; biggest first.
        case ambiguous([Place])
        /// Nothing answers; the closest spellings, if any.
        case notFound(suggestions: [Place])
    }

    private struct Entry: Sendable {
        let place: Place
        let keys: Set<String>
        /// A district's polygon, to tell one area mapped at two levels from two areas.
        let area: PreparedGeometry?
        /// Square degrees of the area's box: enough to order nested areas by size.
        var envelopeArea: Double = .infinity
    }

    private let entries: [Entry]

    /// Entry `i` as an answer: for a district, with a point that lies inside it.
    private func place(at i: Int) -> Place {
        var place = entries[i].place
        if let area = entries[i].area, let inside = (try? area.geometry.pointOnSurface())?.coordinates.first {
            place.point = inside
        }
        return place
    }
    private let byKey: [String: [Int]]
    private let byID: [String: Int]

    public init(settlements: [Settlement], districts: [District]) {
        var entries: [Entry] = []
        for s in settlements {
            entries.append(Entry(place: Place(id: s.id, name: s.names.display ?? s.id, kind: .settlement, detail: s.placeType,
                                              point: s.point, population: s.population),
                                 keys: Self.keys(s.names), area: nil))
        }
        for d in districts {
            // The point inside the district is found when the district is asked for
            // (`place(at:)`): point-on-surface of every oblast at load would cost seconds.
            entries.append(Entry(place: Place(id: d.id, name: d.names.display ?? d.id, kind: .district, detail: d.level.rawValue,
                                              point: d.polygon.envelope.center, population: d.population),
                                 keys: Self.keys(d.names), area: d.polygon.prepared(),
                                 envelopeArea: (d.polygon.envelope.maxX - d.polygon.envelope.minX) * (d.polygon.envelope.maxY - d.polygon.envelope.minY)))
        }
        var byKey: [String: [Int]] = [:]
        var byID: [String: Int] = [:]
        for (i, e) in entries.enumerated() {
            for key in e.keys { byKey[key, default: []].append(i) }
            if byID[e.place.id.lowercased()] == nil { byID[e.place.id.lowercased()] = i }
        }
        self.entries = entries
        self.byKey = byKey
        self.byID = byID
    }

    /// Every key a place answers to: Cyrillic-folded and Latin-folded forms of each name.
    private static func keys(_ names: PlaceNames) -> Set<String> {
        var keys = Set<String>()
        for name in [names.local, names.ru, names.kk, names.en].compactMap({ $0 }) where !name.isEmpty {
            keys.insert("c:" + PlaceNameKey(name).folded)
            let latin = LatinNameKey(name).folded
            if !latin.isEmpty { keys.insert("l:" + latin) }
        }
        return keys
    }

    /// The place `query` names, restricted to `kinds`. A query that says it means a district
    /// («Медеуский», «Медеу ауданы», «Auezov district») looks among districts only.
    public func resolve(_ query: String, kinds requested: Set<Kind> = [.settlement, .district], suggestions limit: Int = 5) -> Resolution {
        let trimmed = query.trimmingCharacters(in: .whitespaces)
        if let i = byID[trimmed.lowercased()], requested.contains(entries[i].place.kind) { return .found(place(at: i)) }
        if let comma = trimmed.lastIndex(of: ",") {
            return resolve(String(trimmed[..<comma]), within: String(trimmed[trimmed.index(after: comma)...]),
                           kinds: requested, suggestions: limit)
        }
        let kinds = requested.contains(.district) && Self.saysDistrict(trimmed) ? [.district] : requested
        var hits = Set<Int>()
        for key in Self.keys(PlaceNames(local: trimmed)) { hits.formUnion(byKey[key] ?? []) }
        let places = samePlaceOnce(hits.filter { kinds.contains(entries[$0].place.kind) })
            .map(place(at:)).sorted(by: Self.biggerFirst)
        if places.count == 1 { return .found(places[0]) }
        if places.count > 1 { return .ambiguous(places) }
        return .notFound(suggestions: suggest(trimmed, kinds: kinds, limit: limit))
    }

    /// «Теректы, Алматы», «Медеу, Алматы»: a name qualified by the district or oblast it lies in,
    /// to pick among namesakes (the country has many Теректі and Алғабас).
    /// The qualifier is every district it names (by id or any spelling: «Алматы» is the city's
    /// own area even though the name alone resolves to the city's settlement point).
    private func resolve(_ name: String, within qualifier: String, kinds: Set<Kind>, suggestions limit: Int) -> Resolution {
        let q = qualifier.trimmingCharacters(in: .whitespaces)
        var areaIndices = Set<Int>()
        if let i = byID[q.lowercased()] { areaIndices.insert(i) }
        for key in Self.keys(PlaceNames(local: q)) { areaIndices.formUnion(byKey[key] ?? []) }
        // Smallest first: «Алматы» names both the city and (in Kazakh) its oblast; the city decides.
        let areas = areaIndices.compactMap { i in entries[i].area.map { (i, $0) } }
            .sorted { entries[$0.0].envelopeArea < entries[$1.0].envelopeArea }
        guard !areas.isEmpty else { return .notFound(suggestions: suggest(q, kinds: [.district], limit: limit)) }
        func inside(_ p: Place, _ area: (Int, PreparedGeometry)) -> Bool { entries[area.0].place.id != p.id && area.1.covers(p.point) }
        func inside(_ p: Place) -> Bool { areas.contains { inside(p, $0) } }
        switch resolve(name, kinds: kinds, suggestions: limit) {
        case .found(let place):
            return inside(place) ? .found(place) : .notFound(suggestions: [place])
        case .ambiguous(let places):
            let within = areas.lazy.map { area in places.filter { inside($0, area) } }.first { !$0.isEmpty } ?? []
            if within.count == 1 { return .found(within[0]) }
            return within.isEmpty ? .notFound(suggestions: Array(places.prefix(limit))) : .ambiguous(within)
        case .notFound(let suggestions):
            return .notFound(suggestions: suggestions.filter(inside))
        }
    }

    /// District words and Russian adjective endings: «район», «ауданы», «district», «-ский».
    static func saysDistrict(_ query: String) -> Bool {
        let words = query.lowercased().split(whereSeparator: { !$0.isLetter }).map(String.init)
        let markers: Set<String> = ["район", "ауданы", "district", "rayon", "raion", "audany"]
        return words.contains { markers.contains($0) }
            || words.contains { w in ["ский", "ская", "ское", "skiy", "skii", "sky"].contains { w.hasSuffix($0) && w.count > $0.count + 2 } }
    }

    /// One answer per place on the ground: a district mapped twice (each one's point lies in the
    /// other's polygon, e.g. an Almaty district as a geokz rayon and as an OSM city district)
    /// keeps its most specific level, and a city administration that holds a settlement of the
    /// same name (Конаев the town and Конаев the city administration) gives way to the
    /// settlement, whose point is the town itself.
    private func samePlaceOnce(_ hits: Set<Int>) -> [Int] {
        let settlementPoints = hits.filter { entries[$0].place.kind == .settlement }.map { entries[$0].place.point }
        let hits = hits.filter { i in
            guard let area = entries[i].area else { return true }
            return !settlementPoints.contains { area.covers($0) }
        }
        let specificity: [String: Int] = ["city_district": 0, "rayon": 1, "oblast": 2]
        let ordered = hits.sorted {
            let a = entries[$0].place, b = entries[$1].place
            return (specificity[a.detail ?? ""] ?? 3, a.id) < (specificity[b.detail ?? ""] ?? 3, b.id)
        }
        var kept: [Int] = []
        for i in ordered {
            let duplicate = kept.contains { k in
                guard let a = entries[k].area, let b = entries[i].area else { return false }
                return a.covers(place(at: i).point) && b.covers(place(at: k).point)
            }
            if !duplicate { kept.append(i) }
        }
        return kept
    }

    /// Places whose Latin key is within a small edit distance of the query's, closest first.
    private func suggest(_ query: String, kinds: Set<Kind>, limit: Int) -> [Place] {
        let target = Array(LatinNameKey(query).folded)
        guard !target.isEmpty, limit > 0 else { return [] }
        let tolerance = max(1, target.count / 4)
        var scored: [(distance: Int, index: Int)] = []
        for (i, e) in entries.enumerated() where kinds.contains(e.place.kind) {
            let best = e.keys.filter { $0.hasPrefix("l:") }
                .map { Self.editDistance(target, Array($0.dropFirst(2)), limit: tolerance) }.min() ?? .max
            if best <= tolerance { scored.append((best, i)) }
        }
        return scored.sorted { a, b in
            a.distance != b.distance ? a.distance < b.distance : Self.biggerFirst(entries[a.index].place, entries[b.index].place)
        }.prefix(limit).map { place(at: $0.index) }
    }

    private static func biggerFirst(_ a: Place, _ b: Place) -> Bool {
        if a.kind != b.kind { return a.kind == .district }
        if (a.population ?? -1) != (b.population ?? -1) { return (a.population ?? -1) > (b.population ?? -1) }
        return a.id < b.id
    }

    /// Levenshtein distance, giving up (returning `limit + 1`) once it must exceed `limit`.
    static func editDistance(_ a: [Character], _ b: [Character], limit: Int) -> Int {
        if abs(a.count - b.count) > limit { return limit + 1 }
        var previous = Array(0...b.count)
        for i in 1...max(1, a.count) where !a.isEmpty {
            var current = [i] + Array(repeating: 0, count: b.count)
            var rowMin = i
            for j in 1...max(1, b.count) where !b.isEmpty {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
                rowMin = min(rowMin, current[j])
            }
            if rowMin > limit { return limit + 1 }
            previous = current
        }
        return a.isEmpty ? b.count : previous[b.count]
    }
}
