/// A minimal binary min-heap ordered by a caller-given predicate: best-first R-tree search,
/// min-cost flow and lazy greedy share it. (Network searches use their own `SearchHeap`,
/// specialised for the hot path.)
public struct BinaryHeap<Element> {
    private var items: [Element] = []
    private let less: (Element, Element) -> Bool

    public init(less: @escaping (Element, Element) -> Bool) { self.less = less }

    public var isEmpty: Bool { items.isEmpty }
    public var count: Int { items.count }
    public var top: Element? { items.first }

    public mutating func push(_ e: Element) {
        items.append(e)
        var c = items.count - 1
        while c > 0 {
            let p = (c - 1) / 2
            guard less(items[c], items[p]) else { break }
            items.swapAt(c, p)
            c = p
        }
    }

    public mutating func pop() -> Element? {
        guard !items.isEmpty else { return nil }
        items.swapAt(0, items.count - 1)
        let out = items.removeLast()
        var p = 0
        while true {
            let l = 2 * p + 1, r = l + 1
            var m = p
            if l < items.count && less(items[l], items[m]) { m = l }
            if r < items.count && less(items[r], items[m]) { m = r }
            if m == p { break }
            items.swapAt(p, m)
            p = m
        }
        return out
    }
}
