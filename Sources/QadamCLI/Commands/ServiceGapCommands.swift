import ArgumentParser
import Foundation
import QadamProtocol

/// `qadam coverage`: people with a facility of a kind within a limit; lists the points outside.
struct CoverageCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "coverage",
        abstract: "Population within a distance or time of a facility kind, and the points left outside.")
    @OptionGroup var backend: BackendOptions
    @OptionGroup var measure: MeasureOptions
    @Option(help: "How many outside points to list.") var limit: Int?

    func run() throws {
        var p = try measure.params
        if let limit { p["limit"] = .int(Int64(limit)) }
        let queries = try backend.makeBackend()
        let result = try queries.call("coverage", params: .object(p))
        let summary = MeasureOutput.summary(result, ["facilities", "facilities_in_area", "population_within", "population_total", "share_within", "norm",
                                                     "parameters.basis", "parameters.cutoff", "parameters.unit"])
        // With --group-by the roll-up is what was asked for; the outside points stay in JSON.
        if !measure.groupBy.isEmpty {
            return try MeasureOutput.write(result, to: measure.output, list: "groups", layer: "coverage_groups",
                columns: MeasureOptions.groupColumns([("sites", "sites"), ("population", "total_population"),
                                                      ("covered", "covered_population"), ("uncovered", "uncovered_population"),
                                                      ("covered_share", "covered_share")]),
                preamble: summary, outlinesFrom: queries)
        }
        try MeasureOutput.write(result, to: measure.output, list: "outside", layer: "coverage_outside",
            columns: [("id", "point.id"), ("name", "point.name"), ("population", "point.population"), ("district", "point.district"),
                      ("nearest_facility", "nearest_facility_id"), ("nearest_cost", "nearest_cost")],
            preamble: summary, outlinesFrom: queries)
    }
}

/// `qadam deficit`: demand against seats per district, with a capacity-aware assignment.
struct DeficitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "deficit",
        abstract: "Seats against demand per district, places per 1,000 against the norm, overloaded facilities and unserved demand.")
    @OptionGroup var backend: BackendOptions
    @OptionGroup var measure: MeasureOptions
    @Option(help: "Assignment: exact (min-cost flow) or greedy.") var assignment: String?

    func run() throws {
        var p = try measure.params
        if let assignment { p["assignment"] = .string(assignment) }
        let queries = try backend.makeBackend()
        let result = try queries.call("deficit", params: .object(p))
        try MeasureOutput.write(result, to: measure.output, list: "rows", layer: "deficit",
            columns: [("group", "group"), ("name", "name"), ("population", "population"), ("demand", "demand"),
                      ("seats", "seats"), ("capacity_unknown", "capacity_unknown"), ("deficit", "deficit"),
                      ("deficit_at_most", "deficit_at_most"), ("seats_per_thousand", "seats_per_thousand"),
                      ("norm_seats", "norm_seats"), ("norm_deficit", "norm_deficit")],
            preamble: MeasureOutput.summary(result, ["total.deficit", "total.deficit_at_most", "capacity_unknown",
                                                      "capacity_assumed.facilities", "capacity_assumed.capacity", "capacity_assumed.source",
                                                      "assignment.unserved_demand", "assignment_skipped", "capacity_norm", "parameters.basis"]),
            outlinesFrom: queries)
    }
}

/// `qadam access`: floating-catchment supply per person.
struct AccessCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "access",
        abstract: "Supply per person by 2SFCA, enhanced 2SFCA or a gravity model; per demand point and per district.")
    @OptionGroup var backend: BackendOptions
    @OptionGroup var measure: MeasureOptions
    @Option(help: "2sfca, e2sfca or gravity.") var method: String = "2sfca"
    @Option(name: .customLong("catchment-m"), help: "Catchment in metres.") var catchmentM: Double?
    @Option(name: .customLong("catchment-min"), help: "Catchment in minutes.") var catchmentMin: Double?

    func run() throws {
        var p = try measure.params
        p["method"] = .string(method)
        if let catchmentM { p["catchment_m"] = .double(catchmentM) }
        if let catchmentMin { p["catchment_min"] = .double(catchmentMin) }
        let queries = try backend.makeBackend()
        let result = try queries.call("access", params: .object(p))
        let summary = MeasureOutput.summary(result, ["capacity_unknown", "capacity_assumed.facilities", "capacity_assumed.capacity",
                                                     "capacity_assumed.source", "parameters.basis"])
        if !measure.groupBy.isEmpty {
            return try MeasureOutput.write(result, to: measure.output, list: "groups", layer: "access_groups",
                columns: MeasureOptions.groupColumns([("demand", "demand"), ("mean_ratio", "mean_ratio")]), preamble: summary, outlinesFrom: queries)
        }
        try MeasureOutput.write(result, to: measure.output, list: "points", layer: "access_points",
            columns: [("id", "id"), ("ratio", "ratio"), ("demand", "demand"), ("district", "district")], preamble: summary, outlinesFrom: queries)
    }
}

/// `qadam provision`: share of required services within their norm, per settlement and rolled up.
struct ProvisionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "provision",
        abstract: "Per settlement, the required kinds of its class met within the norm; roll-ups by district, oblast, class, urban/rural.")
    @OptionGroup var backend: BackendOptions
    @OptionGroup var measure: MeasureOptions
    @Option(help: "How many settlements to list.") var limit: Int?

    func run() throws {
        var p = try measure.params
        if let limit { p["limit"] = .int(Int64(limit)) }
        let queries = try backend.makeBackend()
        let result = try queries.call("provision", params: .object(p))
        try MeasureOutput.write(result, to: measure.output, list: "groups", layer: "provision_groups",
            columns: [("key", "key"), ("value", "value"), ("name", "name"), ("settlements", "settlements"), ("population", "population"),
                      ("required", "required"), ("met", "met"), ("count_weighted_share", "count_weighted_share"),
                      ("population_weighted_share", "population_weighted_share")],
            preamble: MeasureOutput.summary(result, ["overall.count_weighted_share", "overall.population_weighted_share", "settlement_count"]),
            outlinesFrom: queries)
    }
}

/// `qadam gaps`: the worst unmet checks across kinds, by people affected.
struct GapsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "gaps",
        abstract: "Settlements beyond their norms, worst first by people affected, each with a sentence.")
    @OptionGroup var backend: BackendOptions
    @OptionGroup var measure: MeasureOptions
    @Option(help: "How many gaps to list (default 20).") var limit: Int?

    func run() throws {
        var p = try measure.params
        if let limit { p["limit"] = .int(Int64(limit)) }
        let queries = try backend.makeBackend()
        let result = try queries.call("gaps", params: .object(p))
        try MeasureOutput.write(result, to: measure.output, list: "gaps", layer: "gaps",
            columns: [("settlement", "settlement_id"), ("population", "population"), ("kind", "kind"), ("nearest_cost", "nearest_cost"),
                      ("unit", "unit"), ("norm", "norm"), ("sentence", "sentence")], outlinesFrom: queries)
    }
}

/// `qadam agglomerations`: settlements and people per zone of each agglomeration.
struct AgglomerationsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "agglomerations",
        abstract: "Settlements and population in the intensive, active and weak zones of each agglomeration.")
    @OptionGroup var backend: BackendOptions
    @OptionGroup var measure: MeasureOptions

    func run() throws {
        let answer = try backend.makeBackend().call(RPC.Agglomerations.self, measure.measureParams)
        try ResultOutput.write(answer.json, to: measure.output, layer: "agglomerations") {
            var t = Tabular(columns: ["agglomeration", "zone", "settlements", "population"])
            for a in answer.result.agglomerations {
                for z in a.summary {
                    t.append([.text(a.id), .text(z.zone ?? "outside"), .integer(z.settlements), MeasureOutput.cell(.double(z.population))])
                }
            }
            return t
        }
    }
}
