import ArgumentParser
import Foundation
import QadamProtocol

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

    func changeList() throws -> (kind: FacilityKind?, changes: [JSONValue]) {
        var kind: FacilityKind?
        var out: [JSONValue] = []
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
            out.append(["op": "add", "at": [.double(lon), .double(lat)], "capacity": .double(cap)])
        }
        for id in remove { out.append(["op": "remove", "id": .string(id)]) }
        for r in resize {
            let parts = r.split(separator: "=", maxSplits: 1)
            guard parts.count == 2, let cap = Double(parts[1]) else { throw ValidationError("--resize must be ID=CAPACITY, got '\(r)'") }
            out.append(["op": "resize", "id": .string(String(parts[0])), "capacity": .double(cap)])
        }
        if let changes { out += try Self.read(InputFile(changes, option: "--changes")) }
        return (kind, out)
    }

    /// Changes from a GeoJSON file, each error naming the feature.
    static func read(_ input: InputFile) throws -> [JSONValue] {
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
            p["kind"] = nil
            return .object(p)
        }
    }

    func run() throws {
        let (kind, list) = try changeList()
        guard !list.isEmpty else { throw ValidationError("no changes: pass --add, --remove, --resize or --changes") }
        var p = try measure.params
        if let kind, p["kind"] == nil { p["kind"] = .string(kind.rawValue) }
        p["changes"] = .array(list)
        let queries = try backend.makeBackend()
        let result = try queries.call("whatif", params: .object(p))
        try MeasureOutput.write(result, to: measure.output, list: "seats", layer: "whatif_seats",
            columns: [("district", "group"), ("seats_before", "before.seats"), ("seats_after", "after.seats"),
                      ("deficit_before", "before.deficit"), ("deficit_after", "after.deficit")],
            preamble: MeasureOutput.summary(result, ["coverage.covered_before", "coverage.covered_after", "coverage.change",
                                                      "provision.met_before", "provision.met_after", "capacity_unknown",
                                                      "capacity_assumed.facilities", "seats_skipped", "parameters.basis"]),
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
        var p = try measure.params
        p["count"] = .int(Int64(count))
        if let file = candidates {
            let input = InputFile(file, option: "--candidates"), candidates = input.description
            let json: JSONValue
            do { json = try JSONText.parse(input.data()) } catch let e as CLIError { throw e } catch {
                throw CLIError("\(candidates): not JSON: \(error)", exitCode: .usage)
            }
            guard case .array(let features)? = json["features"] else {
                throw CLIError("\(candidates): not a FeatureCollection", exitCode: .usage)
            }
            p["candidates"] = .array(try features.enumerated().map { i, f in
                guard case .array(let c)? = f["geometry"]?["coordinates"], c.count == 2 else {
                    throw CLIError("\(candidates): features[\(i)] is not a Point", exitCode: .usage)
                }
                return .array(c)
            })
        }
        let queries = try backend.makeBackend()
        let result = try queries.call("site", params: .object(p))
        try MeasureOutput.write(result, to: measure.output, list: "picks", layer: "site_picks",
            columns: [("rank", "rank"), ("lon", "location.0"), ("lat", "location.1"), ("added_population", "added_population"),
                      ("cumulative_population", "cumulative_population")],
            preamble: MeasureOutput.summary(result, ["population_covered_before", "population_covered_after", "capacity_unknown",
                                                      "parameters.basis"]),
            outlinesFrom: queries)
    }
}
