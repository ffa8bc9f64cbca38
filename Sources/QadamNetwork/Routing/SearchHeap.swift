/// A binary min-heap of search labels keyed by cost, with lazy deletion: a vertex may be
/// pushed several times and stale entries are skipped when popped. Its storage is kept
/// between searches so repeated queries do not allocate.
struct SearchHeap {
    struct Entry {
        var cost: Double
        var metres: Double
        var vertex: Int32
        /// The facility (multi-source search) or -1.
        var source: Int32
    }

    private(set) var entries: [Entry] = []

    var isEmpty: Bool { entries.isEmpty }

    mutating func removeAll() { entries.removeAll(keepingCapacity: true) }

    @inline(__always)
    private static func less(_ a: Entry, _ b: Entry) -> Bool {
        a.cost < b.cost || (a.cost == b.cost && (a.vertex, a.source) < (b.vertex, b.source))
    }

    mutating func push(_ entry: Entry) {
        entries.append(entry)
        var child = entries.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard Self.less(entries[child], entries[parent]) else { break }
            entries.swapAt(child, parent)
            child = parent
        }
    }

    mutating func pop() -> Entry? {
        guard let last = entries.popLast() else { return nil }
        guard !entries.isEmpty else { return last }
        let top = entries[0]
        entries[0] = last
        var parent = 0
        let count = entries.count
        while true {
            let left = 2 * parent + 1
            guard left < count else { break }
            let right = left + 1
            let child = right < count && Self.less(entries[right], entries[left]) ? right : left
            guard Self.less(entries[child], entries[parent]) else { break }
            entries.swapAt(child, parent)
            parent = child
        }
        return top
    }
}
