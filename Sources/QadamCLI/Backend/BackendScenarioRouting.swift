import QadamAccess
import QadamData
import QadamGeo
import QadamProtocol

/// Scenario routing answered by the `nearest` method of a backend, so a scenario's network
/// figures are the ones `qadam nearest` and the daemon give for the same point.
struct BackendScenarioRouting: ScenarioRouting {
    let backend: QueryBackend

    func nearest(from point: Coordinate, kind: FacilityKind, profile: String) throws -> RoutedFacility? {
        let result = try backend.call("nearest", params: .object([
            "kind": .string(kind.rawValue), "from": .array([.double(point.lon), .double(point.lat)]),
            "profile": .string(profile), "k": .int(1),
        ]))
        guard case .array(let hits)? = result["facilities"], let hit = hits.first,
              let id = hit["id"]?.stringValue, let metres = hit["length_m"]?.doubleValue,
              let seconds = hit["time_s"]?.doubleValue else { return nil }
        return RoutedFacility(id: id, name: hit["name"]?.stringValue, metres: metres, seconds: seconds)
    }
}
