/// What a search heap orders: a cost with a deterministic tie-break, so equal-cost labels
/// pop in the same order on every run and every machine.
protocol SearchHeapEntry {
    static func precedes(_ a: Self, _ b: Self) -> Bool
}

/// A 4-ary min-heap of search labels with lazy deletion: a vertex may be pushed several
/// times and stale entries are skipped when popped. Four children per node halve the depth of
/// a binary heap and keep siblings in one cache line, which matters because Dijkstra on a
/// street graph spends much of its time in `pop`. Storage is kept between searches so
/// repeated queries do not allocate.
struct SearchHeap<Entry: SearchHeapEntry> {
    private(set) var entries: [Entry] = []

    var isEmpty: Bool { entries.isEmpty }

    mutating func removeAll() { entries.removeAll(keepingCapacity: true) }

    mutating func push(_ entry: Entry) {
        entries.append(entry)
        entries.withUnsafeMutableBufferPointer { e in
            var child = e.count - 1
            while child > 0 {
                let parent = (child - 1) >> 2
                guard Entry.precedes(entry, e[parent]) else { break }
                e[child] = e[parent]
                child = parent
            }
            e[child] = entry
        }
    }

    mutating func pop() -> Entry? {
        guard let last = entries.popLast() else { return nil }
        guard !entries.isEmpty else { return last }
        return entries.withUnsafeMutableBufferPointer { e in
            let top = e[0]
            let count = e.count
            var parent = 0
            while true {
                let first = 4 * parent + 1
                guard first < count else { break }
                var best = first
                for c in (first + 1)..<min(first + 4, count) where Entry.precedes(e[c], e[best]) { best = c }
                guard Entry.precedes(e[best], last) else { break }
                e[parent] = e[best]
                parent = best
            }
            e[parent] = last
            return top
        }
    }
}

/// A one-to-all label: the vertex's metres live beside its cost in the search arrays, so the
/// heap moves only 16 bytes per entry.
struct VertexLabel: SearchHeapEntry {
    var cost: Double
    var vertex: Int32

    @inline(__always)
    static func precedes(_ a: VertexLabel, _ b: VertexLabel) -> Bool {
        a.cost < b.cost || (a.cost == b.cost && a.vertex < b.vertex)
    }
}

/// A multi-source label (facility index): one per (vertex, facility) pair, with its metres.
struct FacilityLabel: SearchHeapEntry {
    var cost: Double
    var metres: Double
    var vertex: Int32
    var source: Int32

    @inline(__always)
    static func precedes(_ a: FacilityLabel, _ b: FacilityLabel) -> Bool {
        a.cost < b.cost || (a.cost == b.cost && (a.vertex, a.source) < (b.vertex, b.source))
    }
}
