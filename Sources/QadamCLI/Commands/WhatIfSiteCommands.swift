import ArgumentParser
import Foundation
import QadamContract
import QadamEngine

/// `qadam whatif`: a scenario of added, removed or resized facilities against the base.
struct WhatIfCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "whatif",
        abstract: "Change in coverage, seats and provision when facilities are added, removed or resized.",
        discussion: """
            --changes FILE is a GeoJSON FeatureCollection: Point features with properties
            {"op":"add","capacity":N} (the point is the site), or features with
            {"op":"remove","id":ID} / {"op":"resize","id":ID,"capacity":N}.
            """)
    @OptionGroup var backend: BackendOptions
    @OptionGroup var measure: MeasureOptions
    @Option(help: "Add a facility: LON,LAT,KIND,CAPACITY (repeatable).") var add: [String] = []
    @Option(help: "Close a facility by id (repeatable).") var remove: [String] = []
    @Option(help: "Set a facility's capacity: ID=CAPACITY (repeatable).") var resize: [String] = []
    @Option(help: "A GeoJSON file of changes (- reads standard input).") var changes: String?

    func changeList() throws -> (kind: FacilityKind?, changes: [RPC.WhatIf.Change]) {
        var kind: FacilityKind?
        var out: [RPC.WhatIf.Change] = []
        for a in add {
            let parts = a.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 4, let lon = Double(parts[0]), let lat = Double(parts[1]), let cap = Double(parts[3]) else {
                throw ValidationError("--add must be LON,LAT,KIND,CAPACITY, got '\(a)'")
            }
            guard let added = FacilityKind(parsing: parts[2]) else { throw ValidationError("--add: \(FacilityKind.refusal(of: parts[2]))") }
            if let k = kind ?? measure.kind, k != added {
                throw ValidationError("--add kind \(added.rawValue) differs from \(k.rawValue): one kind per scenario")
            }
            kind = added
            out.append(.init(op: .add, at: Coordinate(lon: lon, lat: lat), capacity: cap))
        }
        for id in remove { out.append(.init(op: .remove, id: id)) }
        for r in resize {
            let parts = r.split(separator: "=", maxSplits: 1)
            guard parts.count == 2, let cap = Double(parts[1]) else { throw ValidationError("--resize must be ID=CAPACITY, got '\(r)'") }
            out.append(.init(op: .resize, id: String(parts[0]), capacity: cap))
        }
        if let changes { out += try Self.read(InputFile(changes, option: "--changes")) }
        return (kind, out)
    }

    /// Changes from a GeoJSON file, each error naming the feature.
    static func read(_ input: InputFile) throws -> [RPC.WhatIf.Change] {
        let data = try input.data(), path = input.description
        let json: JSONValue
        do { json = try JSONText.parse(data) } catch { throw CLIError("\(path): not JSON: \(error)", exitCode: .usage) }
        guard case .array(let features)? = json["features"] else { throw CLIError("\(path): not a FeatureCollection", exitCode: .usage) }
        return try features.enumerated().map { i, f in
            guard case .object(var p)? = f["properties"] else { throw CLIError("\(path): features[\(i)] has no properties", exitCode: .usage) }
            if p["op"]?.stringValue == "add" {
                guard case .array(let c)? = f["geometry"]?["coordinates"], c.count == 2 else {
                    throw CLIError("\(path): features[\(i)]: an add needs a Point geometry", exitCode: .usage)
                }
                p["at"] = .array(c)
            }
            do {
                return try Params.decode(RPC.WhatIf.Change.self, from: .object(p))
            } catch let error as RPCError {
                throw CLIError("\(path): features[\(i)]: \(error.message)", exitCode: .usage)
            }
        }
    }

    func run() throws {
        let (kind, list) = try changeList()
        guard !list.isEmpty else { throw ValidationError("no changes: pass --add, --remove, --resize or --changes") }
        var params = measure.measureParams
        if params.kind == nil { params.kind = kind }
        let queries = try backend.makeBackend()
        let answer = try queries.call(RPC.WhatIf.self, MeasureRequest(params, .init(changes: list)))
        let r = answer.result
        try MeasureOutput.write(answer, rows: r.seats ?? [], to: measure.output, layer: "whatif_seats",
            columns: [.init("district") { .text($0.group) }, .init("seats_before") { MeasureOutput.cell($0.before.seats) },
                      .init("seats_after") { MeasureOutput.cell($0.after.seats) },
                      .init("deficit_before") { MeasureOutput.cell($0.before.deficit) },
                      .init("deficit_after") { MeasureOutput.cell($0.after.deficit) }],
            preamble: MeasureOutput.summary([
                "coverage.covered_before": MeasureOutput.cell(r.coverage.coveredBefore),
                "coverage.covered_after": MeasureOutput.cell(r.coverage.coveredAfter),
                "coverage.change": MeasureOutput.cell(r.coverage.change),
                "provision.met_before": MeasureOutput.cell(r.provision?.metBefore),
                "provision.met_after": MeasureOutput.cell(r.provision?.metAfter),
                "capacity_unknown": .integer(r.capacityUnknown),
                "capacity_assumed.facilities": MeasureOutput.cell(r.capacityAssumed?.facilities),
                "seats_skipped": MeasureOutput.cell(r.seatsSkipped), "parameters.basis": MeasureOutput.cell(r.parameters.basis),
            ]),
            outlinesFrom: queries)
    }
}

/// `qadam site`: greedy maximal-coverage picks for new facilities.
struct SiteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "site",
        abstract: "Where to add COUNT facilities of a kind to cover the most people (greedy maximal coverage).",
        discussion: "--candidates FILE: a GeoJSON FeatureCollection of Point features; default: network vertices, else demand points.")
    @OptionGroup var backend: BackendOptions
    @OptionGroup var measure: MeasureOptions
    @Option(help: "How many sites to pick.") var count: Int
    @Option(help: "GeoJSON file of candidate points (- reads standard input).") var candidates: String?

    func run() throws {
        var points: [Coordinate]?
        if let file = candidates {
            let input = InputFile(file, option: "--candidates"), candidates = input.description
            let json: JSONValue
            do { json = try JSONText.parse(input.data()) } catch let e as CLIError { throw e } catch {
                throw CLIError("\(candidates): not JSON: \(error)", exitCode: .usage)
            }
            guard case .array(let features)? = json["features"] else {
                throw CLIError("\(candidates): not a FeatureCollection", exitCode: .usage)
            }
            points = try features.enumerated().map { i, f in
                guard case .array(let c)? = f["geometry"]?["coordinates"], c.count == 2,
                      let lon = c[0].doubleValue, let lat = c[1].doubleValue else {
                    throw CLIError("\(candidates): features[\(i)] is not a Point", exitCode: .usage)
                }
                return Coordinate(lon: lon, lat: lat)
            }
        }
        let queries = try backend.makeBackend()
        let answer = try queries.call(RPC.Site.self, measure.request(.init(count: count, candidates: points)))
        let r = answer.result
        try MeasureOutput.write(answer, rows: r.picks, to: measure.output, layer: "site_picks",
            columns: [.init("rank") { .integer($0.rank) }, .init("lon") { MeasureOutput.cell($0.location.first) },
                      .init("lat") { MeasureOutput.cell($0.location.dropFirst().first) },
                      .init("added_population") { MeasureOutput.cell($0.addedPopulation) },
                      .init("cumulative_population") { MeasureOutput.cell($0.cumulativePopulation) }],
            preamble: MeasureOutput.summary([
                "population_covered_before": MeasureOutput.cell(r.populationCoveredBefore),
                "population_covered_after": MeasureOutput.cell(r.populationCoveredAfter),
                "capacity_unknown": .integer(r.capacityUnknown), "parameters.basis": MeasureOutput.cell(r.parameters.basis),
            ]),
            outlinesFrom: queries)
    }
}
