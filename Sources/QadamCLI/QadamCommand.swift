import ArgumentParser
import Foundation
import QadamContract

/// The `qadam` command line: one subcommand per daemon method, plus data management.
///
/// Subcommands register here; each lives in its own file under `Commands/`.
public struct QadamCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "qadam",
        abstract: "Walking-distance and service-gap questions for Kazakhstan's settlements.",
        discussion: """
            Ask a running qadamd with --socket PATH (or QADAM_SOCKET), or answer in-process
            from a dataset file with --dataset FILE.

            Exit codes: 0 ok, 1 usage error, 2 data error, 3 daemon unreachable.
            """,
        version: QadamVersion.current,
        subcommands: QadamCommand.allSubcommands
    )

    /// Grows as capabilities land; kept in one place so `--help` lists them in a stable order.
    static let allSubcommands: [ParsableCommand.Type] = [
        ImportCommand.self, ValidateCommand.self, InfoCommand.self, PingCommand.self, StatsCommand.self,
        ReloadCommand.self, LocateCommand.self, ResolveCommand.self,
        ClassifyCommand.self,
        ScenarioCommand.self,
        CoverageCommand.self, DeficitCommand.self, AccessCommand.self, ProvisionCommand.self, GapsCommand.self,
        WhatIfCommand.self, SiteCommand.self, AgglomerationsCommand.self,
        RouteCommand.self, NearestCommand.self, MatrixCommand.self, IsochroneCommand.self, GraphCommand.self,
        AuditCommand.self, ReportCommand.self, DemandCommand.self,
    ]

    public init() {}
}
