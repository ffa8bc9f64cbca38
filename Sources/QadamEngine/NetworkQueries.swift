import Foundation
import Synchronization
import QadamData
import QadamGeo
import QadamNetwork
import QadamContract

/// The street network of one snapshot plus what queries on it build once and share: a
/// `FacilityIndex` per (facility kind, profile) at the profile's default speed and snap, made
/// on first use and kept for the snapshot's life, and a pool of `NetworkSearch` objects (each
/// owns vertex-sized buffers, so making one per query would cost more than most queries).
///
/// Only the defaults are kept, so the cache is bounded by construction (kinds × profiles, a
/// few dozen at most) whatever numbers clients send: an index for another speed or snap limit
/// is built for its request and dropped with it. Keying the cache by client-chosen numbers let
/// 1,500 requests that differed only in `speed_kmh` grow the daemon by 271 MB.
///
/// Thread-safe: the daemon's workers call it concurrently. An index is built under its own
/// lock, so a first `nearest` for schools does not hold up one for clinics, and two first
/// requests for the same kind build it once.
public final class NetworkQueries: Sendable {
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

        /// The profile's default speed and the default snap limit: the indexes worth keeping.
        public var isDefault: Bool { mode.speedKmh == mode.profile.defaultSpeedKmh && snap == SnapOptions() }
    }

    private struct Kept {
        var indexes: [IndexKey: Memo<FacilityIndex>] = [:]
        var idleSearches: [IdleSearch] = []
    }

    /// A search object handed between threads through the pool: used by one call at a time
    /// (taken out under the lock, put back when the call ends), which the checker cannot see
    /// because `withSearch`'s body could in principle keep it.
    private struct IdleSearch: @unchecked Sendable {
        let search: NetworkSearch
    }
    private let kept = Mutex(Kept())

    public init(network: StreetNetwork, facilities: [Facility]) {
        self.network = network
        facilitiesByKind = Dictionary(grouping: facilities, by: \.kind)
    }

    /// The index for `key`: the kept one for the defaults (built now if this is the first query
    /// that needs it), else one built for this caller alone.
    public func facilityIndex(_ key: IndexKey) -> FacilityIndex {
        guard key.isDefault else { return makeIndex(key) }
        let memo = kept.withLock { kept in
            if let known = kept.indexes[key] { return known }
            let made = Memo<FacilityIndex>()
            kept.indexes[key] = made
            return made
        }
        return memo.value { makeIndex(key) }
    }

    /// The kept index for `key` if it is built; nil if it is not, or is being built now (no
    /// waiting), or `key` is not one that is kept.
    public func builtFacilityIndex(_ key: IndexKey) -> FacilityIndex? {
        guard key.isDefault else { return nil }
        return kept.withLock { $0.indexes[key] }?.ifBuilt
    }

    private func makeIndex(_ key: IndexKey) -> FacilityIndex {
        FacilityIndex(network: network, facilities: (facilitiesByKind[key.kind] ?? []).map(\.point),
                      mode: key.mode, k: Self.indexK, snap: key.snap)
    }

    /// How many facility indexes are kept (built or being built).
    public var indexCount: Int { kept.withLock { $0.indexes.count } }

    /// What the kept indexes and idle searches hold: `stats` reports it as is.
    public var cacheSizes: RPC.Stats.Result.Caches {
        let (memos, searches) = kept.withLock { (Array($0.indexes.values), $0.idleSearches.count) }
        let built = memos.compactMap(\.ifBuilt)
        return .init(facilityIndexes: memos.count, facilityIndexBytes: built.reduce(0) { $0 + $1.byteCount },
                     idleSearches: searches, searchBytes: searches * NetworkSearch.byteCount(vertices: network.graph.vertexCount))
    }

    /// Runs `body` with a search object no other thread is using, returned to the pool after.
    public func withSearch<T>(_ body: (NetworkSearch) throws -> T) rethrows -> T {
        let search = kept.withLock { $0.idleSearches.popLast()?.search } ?? NetworkSearch(network: network)
        defer { kept.withLock { $0.idleSearches.append(IdleSearch(search: search)) } }
        return try body(search)
    }
}

/// A value computed at most once, on first use, under its own lock.
final class Memo<Value: Sendable>: Sendable {
    private let stored = Mutex<Value?>(nil)

    /// The value if it has been made, without waiting for one being made.
    var ifBuilt: Value? { stored.withLockIfAvailable { $0 } ?? nil }

    func value(_ make: () -> Value) -> Value {
        stored.withLock { stored in
            if let stored { return stored }
            let made = make()
            stored = made
            return made
        }
    }
}

extension Snapshot {
    /// The sizes of what queries on this snapshot keep in memory; nil without a street network.
    public var networkCacheSizes: RPC.Stats.Result.Caches? {
        (content as? DatasetContent)?.networkQueries?.cacheSizes
    }
}
