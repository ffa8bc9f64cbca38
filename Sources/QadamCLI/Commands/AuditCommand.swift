import ArgumentParser
import Foundation
import QadamContract

/// `qadam audit`: one row per origin (a CSV/GeoJSON file of points, or the dataset's
/// settlements), streamed as the `audit` method answers chunk after chunk (docs/audit.md).
struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "audit",
        abstract: "Batch audit: nearest facility from every origin of a file, or every norm of every settlement; streamed, resumable.",
        discussion: """
            Ctrl-C stops after the current row and exits 130, keeping the rows written;
            run the same command with --resume to continue.
            """)
    @OptionGroup var backend: BackendOptions
    @Option(help: "Origins file: CSV with id, lon, lat columns, or a GeoJSON FeatureCollection of points; - reads standard input.") var origins: String?
    @Option(help: "Audit a dataset layer instead of an origins file: settlements.") var layer: AuditLayer?
    @Option(help: "With --origins: the facility kind.") var kind: FacilityKind?
    @Option(help: "With --origins: the travel profile (default walk).") var profile: TravelProfile?
    @Option(help: "With --layer: only settlements inside this district (id or name).") var area: String?
    @Option(name: .customLong("speed-kmh"), help: "Travel speed in km/h (default: the profile's).") var speedKmh: Double?
    @Option(name: .customLong("detour-factor"), help: "Without a network: road distance = straight line × this (default 1.3).")
    var detourFactor: Double?
    @Option(help: "Output format: csv, geojsonl (GeoJSON Lines), or gpkg (a GeoPackage written when the run ends; needs --output).")
    var format: AuditOutputFormat = .text(.csv)
    @Option(help: "Output file (default, or -: standard output).") var output: String?
    @Flag(help: "Continue an interrupted audit in --output instead of starting over.") var resume = false
    @Option(name: .customLong("chunk-size"), help: "Origins per request (default 1024).") var chunkSize: Int = 1024

    func validate() throws {
        guard (origins == nil) != (layer == nil) else { throw ValidationError("pass either --origins FILE or --layer settlements") }
        if origins != nil, kind == nil { throw ValidationError("--origins needs --kind") }
        if origins != nil, area != nil { throw ValidationError("--area applies to --layer only") }
        if layer != nil, kind != nil || profile != nil {
            throw ValidationError("--layer audits every norm of each settlement's class; --kind and --profile apply to --origins")
        }
        guard chunkSize > 0 else { throw ValidationError("--chunk-size must be positive") }
        if resume, OutputPath.file(output) == nil { throw ValidationError("--resume needs --output FILE (a file to continue, not standard output)") }
        if format == .gpkg, OutputPath.file(output) == nil { throw ValidationError("--format gpkg writes a file: add --output FILE.gpkg") }
        if format == .gpkg, resume { throw ValidationError("--resume continues csv or geojsonl output; a GeoPackage is written whole") }
    }

    func run() throws {
        let service = try backend.makeBackend()
        let plan = try AuditPlan.make(self, backend: service)
        let writer: any AuditSink
        switch format {
        case .gpkg:
            writer = AuditGeoPackageSink(path: OutputPath.file(output)!, columns: plan.columns)
        case .text(let lines):
            let destination: AuditWriter.Destination = OutputPath.file(output).map { .file(URL(fileURLWithPath: $0)) } ?? .standardOutput
            writer = try AuditWriter(destination: destination, format: lines, columns: plan.columns, resume: resume)
        }
        let outcome = try AuditDriver(columns: plan.columns, chunkSize: chunkSize)
            .run(origins: plan.origins, writer: writer, progress: ProgressReporter(total: plan.origins.count),
                 interrupt: InterruptFlag.installed()) { chunk in try plan.start(chunk, service) }
        try writer.close()
        let place = OutputPath.name(output)
        switch outcome {
        case .completed(let rows, let errors):
            note("wrote \(rows) row(s) (\(errors) with an error) to \(place)" + (writer.resumedRowCount > 0 ? " after the \(writer.resumedRowCount) already there" : ""))
        case .interrupted(let rows):
            note("interrupted after \(rows) row(s) in \(place); "
                 + (format == .gpkg ? "run it again to audit every origin" : "run the same command with --resume to continue"))
            Foundation.exit(outcome.exitCode)
        }
    }

    private func note(_ text: String) { FileHandle.standardError.write(Data("qadam audit: \(text)\n".utf8)) }

    /// The parameters every `audit` request of this run carries.
    var sharedParams: RPC.Audit.Params {
        RPC.Audit.Params(kind: kind, profile: profile, speedKmh: speedKmh, detourFactor: detourFactor, layer: layer, area: area)
    }
}

/// What one audit run asks: its origins, the columns the service answers with, and how a chunk
/// of origins becomes one `audit` request (started at once, its rows collected later).
struct AuditPlan {
    var origins: [AuditOrigin]
    var columns: [String]
    var start: ([AuditOrigin], any QueryBackend) throws -> () throws -> [AuditRow]

    /// Asks the service first for the columns (and, for a layer, the origins), so that a bad
    /// kind or area fails before any file is written.
    static func make(_ command: AuditCommand, backend: any QueryBackend) throws -> AuditPlan {
        let shared = command.sharedParams
        if let file = command.origins {
            let origins: [AuditOrigin]
            let input = InputFile(file, option: "--origins")
            do { origins = try OriginsReader.read(input.data(), name: input.description) } catch let error as CLIError {
                throw error
            } catch {
                throw CLIError(String(describing: error), exitCode: .dataError)
            }
            var probe = shared
            probe.origins = []
            let columns = try backend.call(RPC.Audit.Origins.self, probe).result.columns
            return AuditPlan(origins: origins, columns: columns) { chunk, backend in
                var p = shared
                p.origins = chunk.map { RPC.Audit.Params.Origin(id: $0.id, at: [$0.lon, $0.lat]) }
                let pending = try backend.start(RPC.Audit.Origins.self, p)
                return { try rows(for: chunk, columns: columns, answer: pending.answer()) }
            }
        }
        var probe = shared
        probe.originsOnly = true
        let listing = try backend.call(RPC.Audit.Layer.self, probe).result
        let columns = listing.columns
        let origins = (listing.origins ?? []).map { AuditOrigin(id: $0.id, lon: $0.at.lon, lat: $0.at.lat) }
        let position = Dictionary(origins.enumerated().map { ($0.element.id, $0.offset) }, uniquingKeysWith: { a, _ in a })
        return AuditPlan(origins: origins, columns: columns) { chunk, backend in
            // A layer is paged by position; usable origins of a chunk are contiguous up to the
            // unusable ones between them, whose rows the service computes and we drop.
            let first = position[chunk.first!.id]!, last = position[chunk.last!.id]!
            var p = shared
            p.offset = first
            p.limit = last - first + 1
            let pending = try backend.start(RPC.Audit.Layer.self, p)
            return { try rows(for: chunk, columns: columns, answer: pending.answer()) }
        }
    }

    /// The layer answer's rows for exactly the origins of `chunk`, in its order (the answer also
    /// holds rows for the unusable settlements between them).
    private static func rows(for chunk: [AuditOrigin], columns: [String], answer: RPC.Audit.LayerResult) throws -> [AuditRow] {
        let byID = Dictionary((answer.rows ?? []).map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let cells = columns.map(RPC.Audit.SettlementRow.cell(of:))
        return try chunk.map { origin in
            guard let row = byID[origin.id] else { throw CLIError("the audit answer has no row for origin '\(origin.id)'") }
            return AuditRow(origin: origin, values: cells.map { $0(row) })
        }
    }

    /// The typed answer's rows for the origins of `chunk`: one each, in request order.
    private static func rows(for chunk: [AuditOrigin], columns: [String], answer: RPC.Audit.OriginsResult) throws -> [AuditRow] {
        guard answer.rows.count == chunk.count else {
            throw CLIError("the audit answer has \(answer.rows.count) rows for \(chunk.count) origins")
        }
        let cells = columns.map(RPC.Audit.OriginsResult.Row.cell(of:))
        return try zip(chunk, answer.rows).map { origin, row in
            guard row.id == origin.id else { throw CLIError("the audit answer has row '\(row.id)' where origin '\(origin.id)' was expected") }
            if let error = row.error { return AuditRow(origin: origin, error: error, columnCount: columns.count) }
            return AuditRow(origin: origin, values: cells.map { $0(row) })
        }
    }
}

extension RPC.Audit.OriginsResult.Row {
    /// How to read one column of a row, as a table cell (a column the row type lacks is empty).
    static func cell(of column: String) -> (Self) -> TabularValue {
        switch column {
        case "distance_m": return { MeasureOutput.cell($0.distanceM) }
        case "time_s": return { MeasureOutput.cell($0.timeS) }
        case "facility_id": return { MeasureOutput.cell($0.facilityID) }
        case "basis": return { MeasureOutput.cell($0.basis) }
        default: return { _ in .missing }
        }
    }
}

extension RPC.Audit.SettlementRow {
    /// How to read one column of the layer answer (`LayerResult.columns`) as a table cell,
    /// worked out once per column rather than per row.
    static func cell(of column: String) -> (Self) -> TabularValue {
        switch column {
        case "name": return { MeasureOutput.cell($0.name) }
        case "class": return { .text($0.settlementClass.rawValue) }
        case "population": return { MeasureOutput.cell($0.population) }
        case "oblast": return { .text($0.oblast) }
        case "district": return { .text($0.district) }
        case "required": return { .integer($0.required) }
        case "met": return { .integer($0.met) }
        case "share": return { MeasureOutput.cell($0.share) }
        case "basis": return { MeasureOutput.cell($0.basis) }
        default:
            guard let (kind, part) = kindColumn(column) else { return { _ in .missing } }
            let read: (KindCheck) -> TabularValue
            switch part {
            case "facility_id": read = { MeasureOutput.cell($0.facilityID) }
            case "distance_m": read = { MeasureOutput.cell($0.distanceM) }
            case "time_s": read = { MeasureOutput.cell($0.timeS) }
            case "limit_m": read = { MeasureOutput.cell($0.limitM) }
            case "limit_s": read = { MeasureOutput.cell($0.limitS) }
            case "met": read = { .text($0.met ? "yes" : "no") }
            default: read = { MeasureOutput.cell($0.norm) }
            }
            return { row in (row.checks[kind] ?? nil).map(read) ?? .missing }
        }
    }
}
