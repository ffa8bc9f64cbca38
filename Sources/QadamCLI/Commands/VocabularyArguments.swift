import ArgumentParser
import QadamContract

// The wire contract's closed vocabularies as command-line values: `--kind clinic` is read by the
// same `init(parsing:)` as a request's `"kind": "clinic"`, so every command and the daemon
// accept the same words, and help and completion list them.

extension FacilityKind: ExpressibleByArgument {
    public init?(argument: String) { self.init(parsing: argument) }
}

extension TravelProfile: ExpressibleByArgument {
    public init?(argument: String) { self.init(parsing: argument) }
}

extension PlaceKind: ExpressibleByArgument {
    public init?(argument: String) { self.init(parsing: argument) }
}

extension GroupBy: ExpressibleByArgument {
    public init?(argument: String) { self.init(parsing: argument) }
}

extension MatrixLayer: ExpressibleByArgument {
    public init?(argument: String) { self.init(parsing: argument) }
}

extension DistrictLevel: ExpressibleByArgument {
    public init?(argument: String) { self.init(parsing: argument) }
}

extension AuditLayer: ExpressibleByArgument {
    public init?(argument: String) { self.init(parsing: argument) }
}

extension AssignmentMethod: ExpressibleByArgument {
    public init?(argument: String) { self.init(parsing: argument) }
}

extension CatchmentMethod: ExpressibleByArgument {
    public init?(argument: String) { self.init(parsing: argument) }
}
