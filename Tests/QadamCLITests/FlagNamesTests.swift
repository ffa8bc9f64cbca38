import Foundation
import Testing

/// Flags that mean the same spell the same in every command (docs/cli.md): a walking speed is
/// `--speed-kmh`, a distance in metres ends in `-m`. Read from the binary's own description of
/// every command and option (`qadam --experimental-dump-help`, ArgumentParser's reflection),
/// so a new command with `--speed` fails here.
@Suite("Flag names agree across commands")
struct FlagNamesTests {
    /// One option of one command, as the dump describes it.
    struct Option {
        var command: String
        var names: [String]
        var abstract: String
        var shown: Bool
    }

    /// Old spellings kept as hidden deprecated aliases (`DeprecatedSpelling`).
    static let deprecatedAliases: Set<String> = ["speed", "max-snap", "buffer"]

    static func options(in dump: [String: Any]) -> [Option] {
        var found: [Option] = []
        func walk(_ command: [String: Any], path: [String]) {
            for argument in command["arguments"] as? [[String: Any]] ?? [] where argument["kind"] as? String == "option" {
                let names = (argument["names"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String }
                found.append(Option(command: path.joined(separator: " "), names: names, abstract: argument["abstract"] as? String ?? "",
                                    shown: argument["shouldDisplay"] as? Bool ?? true))
            }
            for sub in command["subcommands"] as? [[String: Any]] ?? [] {
                walk(sub, path: path + [sub["commandName"] as? String ?? "?"])
            }
        }
        walk(dump["command"] as? [String: Any] ?? [:], path: [])
        return found
    }

    /// Every option that breaks the rules, as "command --name: why".
    static func violations(in dump: [String: Any]) -> [String] {
        options(in: dump).compactMap { option in
            let label = "\(option.command) --\(option.names.joined(separator: "/--"))"
            let speedish = option.names.contains { $0.contains("speed") || $0.contains("kmh") } || option.abstract.contains("km/h")
            if !option.shown {
                return option.names.allSatisfy(deprecatedAliases.contains) ? nil : "\(label): hidden, and not a known deprecated alias"
            }
            if speedish, option.names != ["speed-kmh"] { return "\(label): a speed in km/h is --speed-kmh" }
            if option.abstract.lowercased().contains("metres"), !option.names.allSatisfy({ $0.hasSuffix("-m") }) {
                return "\(label): a distance in metres ends in -m"
            }
            return nil
        }
    }

    static func dump() throws -> [String: Any] {
        let r = try QadamProcess.run(["--experimental-dump-help"])
        #expect(r.status == 0, "\(r.stderr)")
        return try #require(try r.json() as? [String: Any])
    }

    @Test("Every command with a speed option spells it --speed-kmh, and metre options end in -m")
    func speedAndMetreFlags() throws {
        let dump = try Self.dump()
        #expect(Self.violations(in: dump) == [])
        let withSpeed = Set(Self.options(in: dump).filter { $0.shown && $0.names == ["speed-kmh"] }.map(\.command))
        // The rule is not vacuous: every command that travels has the option.
        #expect(withSpeed == ["access", "agglomerations", "audit", "coverage", "deficit", "gaps", "provision", "site", "whatif",
                              "route", "nearest", "matrix", "isochrone", "graph export"])
    }

    @Test("The check fails on an old or stray spelling")
    func checkCanFail() {
        func option(_ name: String, _ abstract: String, shown: Bool = true) -> [String: Any] {
            let names: [[String: Any]] = [["kind": "long", "name": name]]
            return ["kind": "option", "names": names, "abstract": abstract, "shouldDisplay": shown]
        }
        func command(_ name: String, _ arguments: [[String: Any]]) -> [String: Any] { ["commandName": name, "arguments": arguments] }
        let subcommands: [[String: Any]] = [
            command("route", [option("speed", "Speed in km/h."), option("max-snap", "Within this many metres.")]),
            command("walk", [option("walk-speed", "How fast."), option("speed-kmh", "Speed in km/h.")]),
            command("odd", [option("kmh", "Speed.", shown: false)]),
        ]
        let root: [String: Any] = ["commandName": "qadam", "subcommands": subcommands]
        let dump: [String: Any] = ["command": root]
        #expect(Self.violations(in: dump) == [
            "route --speed: a speed in km/h is --speed-kmh",
            "route --max-snap: a distance in metres ends in -m",
            "walk --walk-speed: a speed in km/h is --speed-kmh",
            "odd --kmh: hidden, and not a known deprecated alias",
        ])
    }

    @Test("The old spellings still work, with a warning; both at once is a usage error")
    func deprecatedSpellings() throws {
        let warned = try QadamProcess.run(["route", "--dataset", "/nonexistent.qadam", "--from", "76.9,43.2", "--to", "76.91,43.21",
                                           "--speed", "4", "--max-snap", "100"])
        #expect(warned.stderr.contains("--speed is deprecated; use --speed-kmh"), "\(warned.stderr)")
        #expect(warned.stderr.contains("--max-snap is deprecated; use --max-snap-m"), "\(warned.stderr)")
        #expect(warned.status == 2) // parsed; then the dataset is missing
        let both = try QadamProcess.run(["isochrone", "--dataset", "/nonexistent.qadam", "--from", "76.9,43.2", "--buffer", "10", "--buffer-m", "10"])
        #expect(both.status == 1 && both.stderr.contains("--buffer is the old spelling of --buffer-m"), "\(both.stderr)")
        let help = try QadamProcess.run(["route", "--help"])
        #expect(help.stdout.contains("--speed-kmh") && !help.stdout.contains("--speed <") && !help.stdout.contains("--max-snap <"))
    }
}
