import Foundation
import QadamData
import QadamGeo

/// Runs a `Scenario` on a dataset. Each kind lives in its own file as an extension; this file
/// holds what they share: the loaded layers, the comparison with documented figures, and the
/// "needs input" answer when a layer is missing.
public struct ScenarioRunner {
    public let scenario: Scenario
    public let store: DatasetStore
    /// The authored fact tables (`geodata/facts`), for kinds that read one.
    public let factsDirectory: URL
    /// Travel over the dataset's street network, for kinds that can use it; nil without one.
    public let routing: ScenarioRouting?

    public init(scenario: Scenario, store: DatasetStore, factsDirectory: URL, routing: ScenarioRouting? = nil) {
        self.scenario = scenario; self.store = store; self.factsDirectory = factsDirectory; self.routing = routing
    }

    public func run() throws -> ScenarioReport {
        switch scenario.kind {
        case .agglomerationZones: return try agglomerationZones()
        case .monotownTravel: return try monotownTravel()
        case .ruralHospitalAccess: return try ruralHospitalAccess()
        case .facilityAccess: return try facilityAccess()
        case .seatDeficitSplit: return try seatDeficitSplit()
        case .plannedFacilities: return try plannedFacilities()
        }
    }

    // MARK: Shared by the kinds

    func report(figures: [(name: String, value: Double, unit: String)], tables: [ScenarioTable]) -> ScenarioReport {
        ScenarioReport(id: scenario.id, title: scenario.title, status: .ran, needs: [],
                       figures: figures.map { compare($0.name, $0.value, unit: $0.unit) }, tables: tables,
                       assumptions: scenario.assumptions, sources: scenario.sources)
    }

    func needs(_ inputs: [String]) -> ScenarioReport {
        ScenarioReport(id: scenario.id, title: scenario.title, status: .needsInput, needs: inputs, figures: [],
                       tables: [], assumptions: scenario.assumptions, sources: scenario.sources)
    }

    /// PASS when a documented figure exists and the value lies within its bounds, DIFF when
    /// outside, INFO when the documents give no figure.
    func compare(_ name: String, _ value: Double, unit: String) -> ScenarioFigure {
        guard let e = scenario.expected.first(where: { $0.figure == name }) else {
            return ScenarioFigure(name: name, computed: value, unit: unit, verdict: .info)
        }
        return ScenarioFigure(name: name, computed: value, unit: unit, expected: e.value, min: e.min, max: e.max,
                              verdict: (e.min...e.max).contains(value) ? .pass : .diff, source: e.source, note: e.note)
    }

    /// The dataset's settlements, required to be classified (class set on some), which the
    /// kinds that select by class or seat need.
    func classifiedSettlements() throws -> [Settlement]? {
        let all = try store.settlements()
        return all.contains { $0.classBasis != nil } ? all : nil
    }

    static let needsClassified = "layer settlements, classified (run: qadam classify --dataset D)"

    static func km(_ metres: Double) -> String { String(format: "%.1f", metres / 1000) }
    static func minutes(_ seconds: Double) -> String { String(format: "%.0f", seconds / 60) }
}
