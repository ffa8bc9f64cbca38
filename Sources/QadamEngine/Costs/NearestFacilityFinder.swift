import Foundation
import QadamMeasures
import QadamData
import QadamGeo
import QadamNetwork
import QadamContract

/// The nearest facility of one kind from a point, however far: its id, and the trip's length
/// and time.
struct NearestFacility: Sendable, Equatable {
    var facilityID: String
    var metres: Double
    var seconds: Double
}

/// Finds the nearest facility of one kind for a whole batch of points at once, as `audit`
/// needs: on a network from a `FacilityIndex` (one multi-source search over the graph from
/// every facility of the kind, cached per snapshot, so each point is a snap and a lookup); else
/// from `TravelCostFactory`'s straight-line estimate (geodesic × detour factor, at the speed).
///
/// On a network the nearest is the *fastest* facility, and its metres are those of that
/// fastest path; `basis` says which way the numbers were made.
struct NearestFacilityFinder {
    let basis: CostBasis
    let speedKmh: Double
    let detourFactor: Double?
    private let supply: [SupplySite]
    private let kind: String
    private let index: FacilityIndex?
    private let spec: CostSpec

    init(content: DatasetContent, inputs: AnalyticsInputs, kind: String, profile: TravelProfile,
         speedKmh: Double?, detourFactor: Double) {
        self.kind = kind
        supply = inputs.supply(ofKind: kind).located
        spec = CostSpec(profile: profile, speedKmh: speedKmh, unit: .metres, horizon: .infinity, detourFactor: detourFactor)
        if let queries = content.networkQueries {
            let mode = TravelMode(profile: profile, speedKmh: speedKmh)
            // The same per-snapshot index `nearest` uses (facilities of the kind in layer order,
            // as `supply` lists them), built once and shared.
            index = FacilityKind(rawValue: kind).map {
                queries.facilityIndex(.init(kind: $0, mode: mode, snap: SnapOptions()))
            }
            basis = .network
            self.speedKmh = mode.speedKmh
            self.detourFactor = nil
        } else {
            index = nil
            basis = .estimated
            self.speedKmh = spec.estimatedSpeedKmh
            self.detourFactor = detourFactor
        }
    }

    /// One answer per point, same order: the nearest facility, or why there is none.
    func nearest(_ points: [Coordinate]) throws -> [Result<NearestFacility, NearestFacilityProblem>] {
        guard !supply.isEmpty else {
            return points.map { _ in .failure(NearestFacilityProblem("no \(kind) in the dataset")) }
        }
        if let index {
            return try points.map { point in
                try Cancellation.check()
                switch index.nearest(to: point, count: 1) {
                case .reached(let hits):
                    guard let hit = hits.first else { return .failure(NearestFacilityProblem("no \(kind) can be reached")) }
                    return .success(NearestFacility(facilityID: supply[hit.facility].id, metres: hit.measure.metres,
                                                    seconds: hit.measure.seconds))
                case .unreachable(let reason):
                    return .failure(NearestFacilityProblem("no \(kind) reachable: \(reason)"))
                }
            }
        }
        let demand = points.enumerated().map { DemandSite(id: String($0.offset), population: 0, location: $0.element) }
        let built = try TravelCostFactory.build(network: nil, demand: demand, supply: supply, spec: spec)
        let metresPerSecond = built.speedKmh / 3.6
        return points.indices.map { i in
            guard let hit = built.costs.nearest(from: i) else { return .failure(NearestFacilityProblem("no \(kind) can be reached")) }
            return .success(NearestFacility(facilityID: supply[hit.supply].id, metres: hit.cost, seconds: hit.cost / metresPerSecond))
        }
    }
}

/// Why a point has no nearest facility (off the network, none of the kind, ...).
struct NearestFacilityProblem: Error, Equatable, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
