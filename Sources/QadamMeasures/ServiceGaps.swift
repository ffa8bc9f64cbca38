import Foundation
import QadamContract

public struct ServiceGapsResult: Codable, Sendable, Equatable {
    public var parameters: MeasureParameters
    /// Worst first: population descending, then nearest cost descending (none known is worst),
    /// then settlement id and kind.
    public var gaps: [ServiceGap]
    /// People beyond the norm, per kind (all gaps, not only the listed ones).
    public var populationAffectedByKind: [String: Double]
    /// Distinct settlements with at least one gap, and their population.
    public var settlementsAffected: Int
    public var populationAffected: Double
}

/// Ranks the unmet checks of a provision result across kinds by people affected.
public enum ServiceGaps {
    /// - Parameters:
    ///   - labels: kind → words for the sentence ("polyclinic"); defaults to the kind with
    ///     underscores as spaces.
    ///   - limit: keep only the first `limit` gaps (totals still count all).
    public static func rank(_ provision: ProvisionResult, labels: [String: String] = [:], limit: Int? = nil) -> ServiceGapsResult {
        var gaps: [ServiceGap] = []
        for s in provision.settlements {
            for c in s.checks where !c.met {
                let label = labels[c.kind] ?? c.kind.replacingOccurrences(of: "_", with: " ")
                let name = s.name ?? s.id
                gaps.append(ServiceGap(settlementIndex: s.index, settlementId: s.id, name: name, population: s.population,
                                       kind: c.kind, norm: c.norm, maxCost: c.maxCost, unit: c.unit,
                                       nearestFacilityId: c.nearestFacilityId, nearestCost: c.nearestCost,
                                       sentence: sentence(name: name, population: s.population, label: label,
                                                          nearestCost: c.nearestCost, unit: c.unit)))
            }
        }
        gaps.sort { a, b in
            if a.population != b.population { return a.population > b.population }
            let ca = a.nearestCost ?? .infinity, cb = b.nearestCost ?? .infinity
            if ca != cb { return ca > cb }
            return a.settlementId != b.settlementId ? a.settlementId < b.settlementId : a.kind < b.kind
        }
        var byKind: [String: Double] = [:]
        var affected: [Int: Double] = [:]
        for g in gaps {
            byKind[g.kind, default: 0] += g.population
            affected[g.settlementIndex] = g.population
        }
        return ServiceGapsResult(parameters: MeasureParameters(method: .serviceGaps, norm: provision.parameters.norm),
                                 gaps: limit.map { Array(gaps.prefix(max(0, $0))) } ?? gaps,
                                 populationAffectedByKind: byKind, settlementsAffected: affected.count,
                                 populationAffected: affected.values.reduce(0, +))
    }

    /// The sentence a report prints for one gap.
    public static func sentence(name: String, population: Double, label: String, nearestCost: Double?, unit: CostUnit) -> String {
        let distance = nearestCost.map { "\(unit.describe($0)) to the nearest \(label)" }
            ?? "no \(label) within the search horizon"
        return "\(name), \(formatCount(population)) people, \(distance)"
    }
}
