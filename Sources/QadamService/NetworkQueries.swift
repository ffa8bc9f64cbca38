import Foundation
import QadamData
import QadamGeo
import QadamNetwork

/// The street network of one snapshot plus what queries on it build once and share: a
/// `FacilityIndex` per (facility kind, travel mode, snap options), made on first use and kept
/// for the snapshot's life, and a pool of `NetworkSearch` objects (each owns vertex-sized
/// buffers, so making one per query would cost more than most queries).
///
/// Thread-safe: the daemon's workers call it concurrently. An index is built under its own
/// lock, so a first `nearest` for schools does not hold up one for clinics, and two first
/// requests for the same kind build it once.
public final class NetworkQueries: @unchecked Sendable {
    public let network: StreetNetwork
    /// The dataset's facilities, grouped by kind, in layer order.
    public let facilitiesByKind: [FacilityKind: [Facility]]
    /// Labels kept per vertex by each facility index; nearest queries asking for more use
    /// an exact one-to-all search instead.
    public static let indexK = 3

    public struct IndexKey: Hashable, Sendable {
        public var kind: FacilityKind
        public var mode: TravelMode
        public var snap: SnapOptions
    }

    private let lock = NSLock()
    private var indexes: [IndexKey: Memo<FacilityIndex>] = [:]
    private var idleSearches: [NetworkSearch] = []

    public init(network: StreetNetwork, facilities: [Facility]) {
        self.network = network
        facilitiesByKind = Dictionary(grouping: facilities, by: \.kind)
    }

    /// The index for `key`, built now if this is the first query that needs it.
    public func facilityIndex(_ key: IndexKey) -> FacilityIndex {
        let memo = lock.withLock {
            if let known = indexes[key] { return known }
            let made = Memo<FacilityIndex>()
            indexes[key] = made
            return made
        }
        return memo.value {
            FacilityIndex(network: network, facilities: (facilitiesByKind[key.kind] ?? []).map(\.point),
                          mode: key.mode, k: Self.indexK, snap: key.snap)
        }
    }

    /// How many facility indexes have been asked for so far (built or being built).
    public var indexCount: Int { lock.withLock { indexes.count } }

    /// Runs `body` with a search object no other thread is using, returned to the pool after.
    public func withSearch<T>(_ body: (NetworkSearch) throws -> T) rethrows -> T {
        let search = lock.withLock { idleSearches.popLast() } ?? NetworkSearch(network: network)
        defer { lock.withLock { idleSearches.append(search) } }
        return try body(search)
    }
}

/// A value computed at most once, on first use, under its own lock.
final class Memo<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Value?

    func value(_ make: () -> Value) -> Value {
        lock.withLock {
            if let stored { return stored }
            let made = make()
            stored = made
            return made
        }
    }
}
