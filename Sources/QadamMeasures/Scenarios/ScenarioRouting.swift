import QadamData
import QadamGeo
import QadamContract

/// The nearest facility of a kind by travel over a street network. Scenarios sit below the
/// network code, so the command that runs them passes this in (answered by the same `nearest`
/// method as the daemon), and a scenario without it falls back to straight lines.
public protocol ScenarioRouting {
    /// Nil when no facility of the kind is reachable from the point (or the point is off the network).
    func nearest(from point: Coordinate, kind: FacilityKind, profile: String) throws -> RoutedFacility?
}

public struct RoutedFacility: Sendable, Equatable {
    public var id: String
    public var name: String?
    public var metres: Double
    public var seconds: Double

    public init(id: String, name: String?, metres: Double, seconds: Double) {
        self.id = id; self.name = name; self.metres = metres; self.seconds = seconds
    }
}
