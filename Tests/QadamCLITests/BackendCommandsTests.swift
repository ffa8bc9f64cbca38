import Foundation
@testable import QadamCLI
import QadamContract
import TestSupport
import Testing

/// `qadam ping`, `info`, `locate`, `stats` and `reload` end to end through the built binary,
/// in-process (`--dataset`) and against a live qadamd (`--socket`) serving the same file.
@Suite("Query commands over both backends")
final class BackendCommandsTests {
    let daemon: DaemonProcess

    init() throws {
        daemon = try DaemonProcess(variant: .a)
    }

    var inProcess: [String] { ["--dataset", daemon.datasetPath] }
    var overSocket: [String] { ["--socket", daemon.socketPath] }

    /// Runs a command that must succeed and returns its standard output.
    private func output(_ arguments: [String], environment: [String: String] = [:]) throws -> String {
        let result = try QadamProcess.run(arguments, environment: environment)
        #expect(result.status == 0, "qadam \(arguments.joined(separator: " ")): \(result.stderr)")
        return result.stdout
    }

    /// Checks that `text` is well-formed `format` output and returns it parsed where it can be.
    @discardableResult
    private func expectParses(_ text: String, as format: String, _ what: String) throws -> Any? {
        switch format {
        case "json":
            return try JSONSerialization.jsonObject(with: Data(text.utf8))
        case "geojson":
            let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any], "\(what)")
            #expect(object["type"] as? String == "FeatureCollection", "\(what)")
            let features = try #require(object["features"] as? [[String: Any]], "\(what)")
            #expect(!features.isEmpty && features.allSatisfy { $0["type"] as? String == "Feature" && $0["properties"] is [String: Any] },
                    "\(what)")
            return features
        case "csv":
            let rows = try CSVReference.parse(text)
            #expect(rows.count >= 2, "\(what): header and at least one row")
            #expect(rows.allSatisfy { $0.count == rows[0].count }, "\(what): every row has the header's width")
            return rows
        default:
            let lines = text.split(separator: "\n")
            #expect(lines.contains { !$0.isEmpty && $0.allSatisfy { $0 == "-" || $0 == " " } }, "\(what): a table rule")
            return nil
        }
    }

    static let formats = ["table", "json", "csv", "geojson"]

    @Test func pingInfoAndLocatePrintEveryFormatInBothModes() throws {
        let at = "\(DatasetFixture.westPoint.lon),\(DatasetFixture.westPoint.lat)"
        for backend in [inProcess, overSocket] {
            for format in Self.formats {
                for command in [["ping"], ["info"], ["locate", "--at", at]] {
                    let arguments = command + backend + ["--format", format]
                    try expectParses(try output(arguments), as: format, arguments.joined(separator: " "))
                }
            }
        }
        let ping = try #require(try expectParses(try output(["ping"] + overSocket + ["--format", "json"]), as: "json", "ping") as? [String: Any])
        #expect(ping["snapshot"] as? String == daemon.contentHash && ping["pong"] as? Bool == true)
    }

    @Test func locateGivesTheSameJSONInProcessAndFromTheDaemon() throws {
        for (lon, lat) in [DatasetFixture.westPoint, (77.5, 43.2), (70.0, 50.0)] {
            let ask = ["locate", "--at", "\(lon),\(lat)", "--format", "json"]
            let local = try output(ask + inProcess), remote = try output(ask + overSocket)
            // Both print key-sorted JSON, so equal answers are equal text.
            #expect(local == remote)
            let parsed = try #require(try JSONSerialization.jsonObject(with: Data(local.utf8)) as? [String: Any])
            #expect(parsed["snapshot"] as? String == daemon.contentHash)
        }
        let table = try output(["locate", "--at", "76.7,43.5"] + overSocket)
        #expect(table.contains("Westrayon") && table.contains("Alpha"))
        #expect(try output(["locate", "--at", "76.7,43.5"] + inProcess) == table)
    }

    @Test func infoDescribesTheSameSnapshotInBothModes() throws {
        let local = try #require(try JSONSerialization.jsonObject(with: Data(try output(["info", "--format", "json"] + inProcess).utf8)) as? [String: Any])
        let remote = try #require(try JSONSerialization.jsonObject(with: Data(try output(["info", "--format", "json"] + overSocket).utf8)) as? [String: Any])
        let loadTimes: Set = ["loaded_at", "load_seconds"]
        for (key, value) in local where !loadTimes.contains(key) {
            #expect(remote[key].map { NSDictionary(dictionary: [key: $0]) } == NSDictionary(dictionary: [key: value]), "\(key)")
        }
        #expect(remote["snapshot"] as? String == daemon.contentHash)
        #expect(remote["version"] != nil && local["version"] == nil, "only the daemon adds runtime state")
        #expect(local["layers"] as? [String: Int] == DatasetFixture.layerCounts)

        let csv = try output(["info", "--format", "csv"] + overSocket)
        #expect(try output(["info", "--format", "csv"] + inProcess) == csv)
        #expect(csv.hasPrefix("layer,features,no_geometry,min_lon,min_lat,max_lon,max_lat,source,licence,imported_at\ndistricts,3,0,76,43,78,44,"))
        let table = try output(["info"] + overSocket)
        #expect(table.contains("snapshot \(daemon.contentHash)") && table.contains("qadamd "))
    }

    @Test func statsAndReloadTalkToTheDaemonOnly() throws {
        _ = try output(["ping"] + overSocket)
        for format in Self.formats {
            try expectParses(try output(["stats", "--format", format] + overSocket), as: format, "stats --format \(format)")
        }
        let stats = try #require(try JSONSerialization.jsonObject(with: Data(try output(["stats", "--format", "json"] + overSocket).utf8)) as? [String: Any])
        #expect(((stats["methods"] as? [String: Any])?["ping"] as? [String: Any])?["count"] as? Int == 1)

        let unchanged = try #require(try JSONSerialization.jsonObject(with: Data(try output(["reload", "--format", "json"] + overSocket).utf8)) as? [String: Any])
        #expect(unchanged["changed"] as? Bool == false && unchanged["snapshot"] as? String == daemon.contentHash)
        let hashB = try DatasetFixture.replace(daemon.datasetPath, variant: .b)
        let csv = try #require(try expectParses(try output(["reload", "--format", "csv"] + overSocket), as: "csv", "reload") as? [[String]])
        #expect(csv[1] == [hashB, daemon.contentHash, "true", csv[1][3]])
        for format in ["table", "geojson"] {
            try expectParses(try output(["reload", "--format", format] + overSocket), as: format, "reload --format \(format)")
        }

        try DatasetFixture.replaceWithGarbage(daemon.datasetPath)
        let refused = try QadamProcess.run(["reload"] + overSocket)
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("reload failed, still serving snapshot \(hashB)") && refused.stderr.contains("code -32001"))

        for command in ["stats", "reload"] {
            let local = try QadamProcess.run([command] + inProcess)
            #expect(local.status == 1, "\(command) --dataset is a usage error")
            #expect(local.stderr.contains("needs a running qadamd") && local.stderr.contains("--socket"))
        }
    }

    @Test func backendChoiceAndItsErrors() throws {
        let absent = try QadamProcess.run(["ping", "--socket", "/nonexistent"])
        #expect(absent.status == 3)
        #expect(absent.stderr.contains("/nonexistent"))
        #expect(try QadamProcess.run(["ping", "--socket", daemon.directory + "/no.sock", "--format", "json"]).status == 3)

        let neither = try QadamProcess.run(["ping"])
        #expect(neither.status == 1 && neither.stderr.contains("no backend"))
        #expect(try QadamProcess.run(["ping"] + inProcess + overSocket).status == 1)
        #expect(try QadamProcess.run(["ping", "--norms", DatasetFixture.normsPath] + overSocket).status == 1)
        #expect(try QadamProcess.run(["locate", "--at", "200,43"] + overSocket).status == 1, "checked before asking")

        let fromEnvironment = try output(["ping", "--format", "csv"], environment: ["QADAM_SOCKET": daemon.socketPath])
        #expect(fromEnvironment.contains(daemon.contentHash))
        let flagWins = try output(["ping", "--format", "csv"] + inProcess, environment: ["QADAM_SOCKET": "/nonexistent"])
        #expect(flagWins == fromEnvironment)

        let badNorms = try QadamProcess.run(["ping", "--norms", daemon.directory + "/none.json"] + inProcess)
        #expect(badNorms.status == 2 && badNorms.stderr.contains("none.json"))
    }

    /// A method's error answer becomes exit 2 with the message and the field it names.
    @Test func rpcErrorsNameTheirField() throws {
        let backend = try InProcessBackend(datasetPath: daemon.datasetPath, normsPath: DatasetFixture.normsPath)
        do {
            _ = try backend.call("locate", params: ["at": [200, 43]])
            Issue.record("locate accepted lon 200")
        } catch let error as CLIError {
            #expect(error.exitCode == .dataError)
            #expect(error.message.contains("-32602") && error.message.contains("field at"))
        }
    }
}

extension BackendCommandsTests {
    /// In process a method of the contract is a function call on typed values; what it gives
    /// (the result, the snapshot, the object `--format json` prints, the error) is what the
    /// path through JSON values gives.
    @Test func typedCallsInProcessAnswerAsTheJSONPathDoes() throws {
        let backend = try InProcessBackend(datasetPath: daemon.datasetPath, normsPath: DatasetFixture.normsPath)
        func same<M: RPCMethod>(_ method: M.Type, _ params: M.Params) throws {
            // The typed path itself, not a fallback through values.
            #expect(backend.service.call(method, params) != nil, "\(M.name) has no typed body")
            let typed = try backend.call(method, params)
            let viaJSON = try backend.callThroughValues(method, params)
            #expect(typed.snapshot == viaJSON.snapshot && typed.snapshot == daemon.contentHash)
            #expect(try typed.json == viaJSON.json, "\(M.name)")
        }
        for point in [Coordinate(lon: 76.5, lat: 43.5), Coordinate(lon: 77.5, lat: 43.2), Coordinate(lon: 10, lat: 10)] {
            try same(RPC.Locate.self, .init(at: point))
        }
        for name in ["beta", "Westryon", "nowhere at all"] {
            try same(RPC.Resolve.self, .init(name: name))
        }
        try same(RPC.Ping.self, .init())
        do {
            _ = try backend.call(RPC.Locate.self, .init(at: Coordinate(lon: 200, lat: 43)))
            Issue.record("locate accepted lon 200")
        } catch let error as CLIError {
            #expect(error.exitCode == .dataError)
            #expect(error.message.contains("-32602") && error.message.contains("field at"))
        }
    }
}

/// Backend selection without running anything.
@Suite struct BackendOptionsTests {
    @Test func flagsBeatTheEnvironmentAndExactlyOneBackendIsChosen() throws {
        let environment = ["QADAM_SOCKET": "/run/q.sock"]
        #expect(try BackendOptions.parse([]).mode(environment: environment) == .daemon(socket: "/run/q.sock"))
        #expect(try BackendOptions.parse(["--dataset", "d.qadam"]).mode(environment: environment)
                == .inProcess(dataset: "d.qadam", norms: nil))
        #expect(try BackendOptions.parse(["--dataset", "d.qadam", "--norms", "n.json"]).mode(environment: [:])
                == .inProcess(dataset: "d.qadam", norms: "n.json"))
        #expect(try BackendOptions.parse(["--socket", "/s"]).mode(environment: environment) == .daemon(socket: "/s"))
        #expect(throws: (any Error).self) { try BackendOptions.parse([]).mode(environment: [:]) }
        #expect(throws: (any Error).self) { try BackendOptions.parse(["--norms", "n.json"]).mode(environment: environment) }
        #expect(throws: (any Error).self) { try BackendOptions.parse(["--dataset", "d", "--socket", "/s"]).mode(environment: [:]) }
    }
}

/// A plain RFC 4180 reader, to check the CLI's CSV independently of the code that wrote it.
enum CSVReference {
    struct Malformed: Error, CustomStringConvertible {
        let description: String
    }

    static func parse(_ text: String) throws -> [[String]] {
        var rows: [[String]] = [], row: [String] = [], field = ""
        var quoted = false, atFieldStart = true
        var chars = Array(text)[...]
        while let c = chars.popFirst() {
            if quoted {
                if c == "\"" {
                    if chars.first == "\"" { chars.removeFirst(); field.append("\"") } else { quoted = false }
                } else {
                    field.append(c)
                }
            } else if c == "\"" && atFieldStart {
                quoted = true
            } else if c == "," {
                row.append(field); field = ""; atFieldStart = true; continue
            } else if c == "\n" {
                row.append(field); rows.append(row); row = []; field = ""; atFieldStart = true; continue
            } else if c == "\"" {
                throw Malformed(description: "quote inside an unquoted field in row \(rows.count + 1)")
            } else {
                field.append(c)
            }
            atFieldStart = false
        }
        guard !quoted else { throw Malformed(description: "unterminated quoted field") }
        if !field.isEmpty || !row.isEmpty { row.append(field); rows.append(row) }
        return rows
    }
}
