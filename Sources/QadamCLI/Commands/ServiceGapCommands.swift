import ArgumentParser
import Foundation
import QadamContract

/// `qadam coverage`: people with a facility of a kind within a limit; lists the points outside.
struct CoverageCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "coverage",
        abstract: "Population within a distance or time of a facility kind, and the points left outside.")
    @OptionGroup var backend: BackendOptions
    @OptionGroup var measure: MeasureOptions
    @Option(help: "How many outside points to list.") var limit: Int?

    func run() throws {
        let queries = try backend.makeBackend()
        let answer = try queries.call(RPC.Coverage.self, measure.request(RowLimit(limit: limit)))
        let r = answer.result
        let summary = MeasureOutput.summary([
            "facilities": .integer(r.facilities), "facilities_in_area": MeasureOutput.cell(r.facilitiesInArea),
            "population_within": MeasureOutput.cell(r.populationWithin), "population_total": MeasureOutput.cell(r.populationTotal),
            "share_within": MeasureOutput.cell(r.shareWithin), "norm": MeasureOutput.cell(r.norm),
            "parameters.basis": MeasureOutput.cell(r.parameters.basis), "parameters.cutoff": MeasureOutput.cell(r.parameters.cutoff),
            "parameters.unit": MeasureOutput.cell(r.parameters.unit),
        ])
        // With --group-by the roll-up is what was asked for; the outside points stay in JSON.
        if !measure.groupBy.isEmpty {
            return try MeasureOutput.write(answer, rows: r.groups, to: measure.output, layer: "coverage_groups",
                columns: MeasureOptions.groupColumns() + [
                    .init("sites") { .integer($0.sites) }, .init("population") { MeasureOutput.cell($0.totalPopulation) },
                    .init("covered") { MeasureOutput.cell($0.coveredPopulation) },
                    .init("uncovered") { MeasureOutput.cell($0.uncoveredPopulation) },
                    .init("covered_share") { MeasureOutput.cell($0.coveredShare) },
                ], preamble: summary, outlinesFrom: queries)
        }
        try MeasureOutput.write(answer, rows: r.outside, to: measure.output, layer: "coverage_outside",
            columns: [.init("id") { .text($0.point.id) }, .init("name") { MeasureOutput.cell($0.point.name) },
                      .init("population") { MeasureOutput.cell($0.point.population) },
                      .init("district") { MeasureOutput.cell($0.point.district) },
                      .init("nearest_facility") { MeasureOutput.cell($0.nearestFacilityId) },
                      .init("nearest_cost") { MeasureOutput.cell($0.nearestCost) }],
            preamble: summary, outlinesFrom: queries)
    }
}

/// `qadam deficit`: demand against seats per district, with a capacity-aware assignment.
struct DeficitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "deficit",
        abstract: "Seats against demand per district, places per 1,000 against the norm, overloaded facilities and unserved demand.")
    @OptionGroup var backend: BackendOptions
    @OptionGroup var measure: MeasureOptions
    @Option(help: "Assignment: exact (min-cost flow) or greedy.") var assignment: AssignmentMethod?

    func run() throws {
        let queries = try backend.makeBackend()
        let answer = try queries.call(RPC.Deficit.self, measure.request(.init(assignment: assignment)))
        let r = answer.result
        try MeasureOutput.write(answer, rows: r.rows, to: measure.output, layer: "deficit",
            columns: [.init("group") { .text($0.group) }, .init("name") { MeasureOutput.cell($0.name) },
                      .init("population") { MeasureOutput.cell($0.population) }, .init("demand") { MeasureOutput.cell($0.demand) },
                      .init("seats") { MeasureOutput.cell($0.seats) }, .init("capacity_unknown") { .integer($0.capacityUnknown) },
                      .init("deficit") { MeasureOutput.cell($0.deficit) },
                      .init("deficit_at_most") { MeasureOutput.cell($0.deficitAtMost) },
                      .init("seats_per_thousand") { MeasureOutput.cell($0.seatsPerThousand) },
                      .init("norm_seats") { MeasureOutput.cell($0.normSeats) },
                      .init("norm_deficit") { MeasureOutput.cell($0.normDeficit) }],
            preamble: MeasureOutput.summary([
                "total.deficit": MeasureOutput.cell(r.total.deficit), "total.deficit_at_most": MeasureOutput.cell(r.total.deficitAtMost),
                "capacity_unknown": .integer(r.capacityUnknown),
                "capacity_assumed.facilities": MeasureOutput.cell(r.capacityAssumed?.facilities),
                "capacity_assumed.capacity": MeasureOutput.cell(r.capacityAssumed?.capacity),
                "capacity_assumed.source": MeasureOutput.cell(r.capacityAssumed?.source),
                "assignment.unserved_demand": MeasureOutput.cell(r.assignment?.unservedDemand),
                "assignment_skipped": MeasureOutput.cell(r.assignmentSkipped), "capacity_norm": MeasureOutput.cell(r.capacityNorm),
                "parameters.basis": MeasureOutput.cell(r.parameters.basis),
            ]),
            outlinesFrom: queries)
    }
}

/// `qadam access`: floating-catchment supply per person.
struct AccessCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "access",
        abstract: "Supply per person by 2SFCA, enhanced 2SFCA or a gravity model; per demand point and per district.")
    @OptionGroup var backend: BackendOptions
    @OptionGroup var measure: MeasureOptions
    @Option(help: "2sfca, e2sfca or gravity.") var method: CatchmentMethod = .twoStep
    @Option(name: .customLong("catchment-m"), help: "Catchment in metres.") var catchmentM: Double?
    @Option(name: .customLong("catchment-min"), help: "Catchment in minutes.") var catchmentMin: Double?

    func run() throws {
        let queries = try backend.makeBackend()
        let answer = try queries.call(RPC.Access.self,
                                      measure.request(.init(method: method, catchmentM: catchmentM, catchmentMin: catchmentMin)))
        let r = answer.result
        let summary = MeasureOutput.summary([
            "capacity_unknown": .integer(r.capacityUnknown),
            "capacity_assumed.facilities": MeasureOutput.cell(r.capacityAssumed?.facilities),
            "capacity_assumed.capacity": MeasureOutput.cell(r.capacityAssumed?.capacity),
            "capacity_assumed.source": MeasureOutput.cell(r.capacityAssumed?.source),
            "parameters.basis": MeasureOutput.cell(r.parameters.basis),
        ])
        if !measure.groupBy.isEmpty {
            return try MeasureOutput.write(answer, rows: r.groups, to: measure.output, layer: "access_groups",
                columns: MeasureOptions.groupColumns() + [.init("demand") { MeasureOutput.cell($0.demand) },
                                                          .init("mean_ratio") { MeasureOutput.cell($0.meanRatio) }],
                preamble: summary, outlinesFrom: queries)
        }
        try MeasureOutput.write(answer, rows: r.points, to: measure.output, layer: "access_points",
            columns: [.init("id") { .text($0.id) }, .init("ratio") { MeasureOutput.cell($0.ratio) },
                      .init("demand") { MeasureOutput.cell($0.demand) }, .init("district") { MeasureOutput.cell($0.district) }],
            preamble: summary, outlinesFrom: queries)
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
        let queries = try backend.makeBackend()
        let answer = try queries.call(RPC.Provision.self, measure.request(RowLimit(limit: limit)))
        let r = answer.result
        try MeasureOutput.write(answer, rows: r.groups, to: measure.output, layer: "provision_groups",
            columns: MeasureOptions.groupColumns() + [
                .init("settlements") { .integer($0.settlements) }, .init("population") { MeasureOutput.cell($0.population) },
                .init("required") { .integer($0.required) }, .init("met") { .integer($0.met) },
                .init("count_weighted_share") { MeasureOutput.cell($0.countWeightedShare) },
                .init("population_weighted_share") { MeasureOutput.cell($0.populationWeightedShare) },
            ],
            preamble: MeasureOutput.summary([
                "overall.count_weighted_share": MeasureOutput.cell(r.overall.countWeightedShare),
                "overall.population_weighted_share": MeasureOutput.cell(r.overall.populationWeightedShare),
                "settlement_count": .integer(r.settlementCount),
            ]),
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
        let queries = try backend.makeBackend()
        let answer = try queries.call(RPC.Gaps.self, measure.request(RowLimit(limit: limit)))
        try MeasureOutput.write(answer, rows: answer.result.gaps, to: measure.output, layer: "gaps",
            columns: [.init("settlement") { .text($0.settlementId) }, .init("population") { MeasureOutput.cell($0.population) },
                      .init("kind") { .text($0.kind) }, .init("nearest_cost") { MeasureOutput.cell($0.nearestCost) },
                      .init("unit") { MeasureOutput.cell($0.unit) }, .init("norm") { MeasureOutput.cell($0.norm) },
                      .init("sentence") { .text($0.sentence) }],
            outlinesFrom: queries)
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
                    t.append([.text(a.id), .text(z.zone ?? "outside"), .integer(z.settlements), MeasureOutput.cell(z.population)])
                }
            }
            return t
        }
    }
}
