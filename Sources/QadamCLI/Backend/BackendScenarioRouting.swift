import QadamMeasures
import QadamData
import QadamGeo
import QadamContract

/// Scenario routing answered by the `nearest` method of a backend, so a scenario's network
/// figures are the ones `qadam nearest` and the daemon give for the same point.
struct BackendScenarioRouting: ScenarioRouting {
    let backend: QueryBackend

    func nearest(from point: Coordinate, kind: FacilityKind, profile: String) throws -> RoutedFacility? {
        guard let travel = TravelProfile(parsing: profile) else {
            throw CLIError("scenario profile: \(TravelProfile.refusal(of: profile))", exitCode: .usage)
        }
        let answer = try backend.call(RPC.Nearest.self, .init(kind: kind, from: point, k: 1, travel: TravelParams(profile: travel)))
        return answer.result.facilities.first.map { RoutedFacility(id: $0.id, name: $0.name, metres: $0.lengthM, seconds: $0.timeS) }
    }
}
