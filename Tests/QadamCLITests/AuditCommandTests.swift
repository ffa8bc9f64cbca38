import Foundation
import QadamGeo
import TestSupport
import Testing
import QadamContract

/// `qadam audit` end to end through the built binary, in-process and against a live qadamd
/// serving the services fixture (no street network, so distances are estimated).
@Suite("qadam audit over both backends")
final class AuditCommandTests {
    let daemon: DaemonProcess
    let directory: String

    init() throws {
        daemon = try DaemonProcess(variant: .services)
        directory = try DatasetFixture.scratchDirectory()
    }

    deinit { try? FileManager.default.removeItem(atPath: directory) }

    var inProcess: [String] { ["--dataset", daemon.datasetPath] }
    var overSocket: [String] { ["--socket", daemon.socketPath] }

    /// 10,000 origins over the fixture's oblast; every 997th has lon NaN, every 1009th lat 95,
    /// one has an unreadable lon. Returns the file and the number of bad origins.
    func writeOrigins() throws -> (path: String, bad: Int) {
        var lines = ["id,lon,lat"], bad = 0
        var state: UInt64 = 42
        func next() -> Double {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Double(state >> 11) / Double(1 << 53)
        }
        for i in 0..<10_000 {
            var lon = String(76 + 2 * next()), lat = String(43 + next())
            if i % 997 == 5 { lon = "NaN"; bad += 1 }
            else if i % 1009 == 7 { lat = "95"; bad += 1 }
            else if i == 4321 { lon = "abc"; bad += 1 }
            lines.append("o\(i),\(lon),\(lat)")
        }
        let path = directory + "/origins.csv"
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: path))
        return (path, bad)
    }

    func audit(_ backend: [String], _ arguments: [String]) throws -> QadamProcess.Result {
        try QadamProcess.run(["audit"] + backend + arguments)
    }

    func rows(_ path: String) throws -> [[String]] {
        try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
    }

    @Test("10,000 origins: one row each in order, bad ones as error rows with reasons; both backends give the same bytes")
    func originsAudit() throws {
        let (origins, bad) = try writeOrigins()
        let local = directory + "/local.csv", remote = directory + "/remote.csv"
        for (backend, out) in [(inProcess, local), (overSocket, remote)] {
            let r = try audit(backend, ["--origins", origins, "--kind", "school", "--output", out, "--chunk-size", "700"])
            #expect(r.status == 0, "\(r.stderr)")
            #expect(r.stderr.contains("wrote 10000 row(s) (\(bad) with an error)"))
        }
        let table = try rows(local)
        #expect(table[0] == ["id", "lon", "lat", "distance_m", "time_s", "facility_id", "basis", "error"])
        #expect(table.count == 10_001)
        #expect(table.dropFirst().map { $0[0] } == (0..<10_000).map { "o\($0)" })
        let errors = table.dropFirst().filter { !$0.last!.isEmpty }
        #expect(errors.count == bad)
        #expect(table[1 + 5][7].contains("not a number"))
        #expect(table[1 + 7][7].contains("outside EPSG:4326 bounds"))
        #expect(table[1 + 4321][7] == "lon 'abc' is not a number")
        let good = table.dropFirst().filter { $0.last!.isEmpty }
        #expect(good.allSatisfy { ["F1", "F2", "F3"].contains($0[5]) && $0[6] == "estimated" && Double($0[3])! >= 0 })
        // Walking at 4.8 km/h: time = distance / (4.8 / 3.6).
        #expect(good.allSatisfy { abs(Double($0[4])! - Double($0[3])! / (4.8 / 3.6)) < 1e-6 * Double($0[4])! + 1e-9 })
        #expect(try Data(contentsOf: URL(fileURLWithPath: local)) == Data(contentsOf: URL(fileURLWithPath: remote)))
    }

    @Test("The nearest school and its estimated distance are those of a brute-force geodesic scan")
    func nearestMatchesBruteForce() throws {
        let schools = [("F1", Coordinate(lon: 76.5, lat: 43.501)), ("F2", Coordinate(lon: 77.5, lat: 43.501)),
                       ("F3", Coordinate(lon: 77.2, lat: 43.8))]
        var rng = SplitMix64(seed: 7)
        let points = (0..<200).map { _ in Coordinate(lon: Double.random(in: 76...78, using: &rng), lat: Double.random(in: 43...44, using: &rng)) }
        let path = directory + "/few.csv"
        let text = "id,lon,lat\n" + points.enumerated().map { "p\($0.offset),\($0.element.lon),\($0.element.lat)" }.joined(separator: "\n")
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        let out = directory + "/few-out.csv"
        let r = try audit(inProcess, ["--origins", path, "--kind", "school", "--output", out])
        #expect(r.status == 0, "\(r.stderr)")
        for (row, point) in zip(try rows(out).dropFirst(), points) {
            let best = schools.map { ($0.0, Geodesic.distance(point, $0.1) * 1.3) }.min { $0.1 < $1.1 }!
            #expect(row[5] == best.0)
            #expect(abs(Double(row[3])! - best.1) <= 1e-9 * best.1)
        }
    }

    @Test("Resuming a cut-off file gives the same bytes as an uninterrupted run, in-process and from the daemon")
    func resumeAfterCut() throws {
        let (origins, _) = try writeOrigins()
        for backend in [inProcess, overSocket] {
            let full = directory + "/full.csv"
            #expect(try audit(backend, ["--origins", origins, "--kind", "school", "--output", full]).status == 0)
            let expected = try Data(contentsOf: URL(fileURLWithPath: full))
            for cut in [0, 10, expected.count / 3, expected.count / 2 + 7, expected.count - 1] {
                let partial = directory + "/partial.csv"
                try expected.prefix(cut).write(to: URL(fileURLWithPath: partial))
                let r = try audit(backend, ["--origins", origins, "--kind", "school", "--output", partial, "--resume"])
                #expect(r.status == 0, "cut at \(cut): \(r.stderr)")
                #expect(try Data(contentsOf: URL(fileURLWithPath: partial)) == expected, "cut at \(cut)")
            }
        }
    }

    @Test("Ctrl-C stops with exit 130 keeping the rows written, and --resume completes the same file")
    func interruptAndResume() throws {
        let (origins, _) = try writeOrigins()
        let full = directory + "/reference.csv"
        #expect(try audit(overSocket, ["--origins", origins, "--kind", "school", "--output", full]).status == 0)
        let out = directory + "/interrupted.csv"
        let process = Process()
        process.executableURL = QadamProcess.binary
        process.arguments = ["audit", "--socket", daemon.socketPath, "--origins", origins, "--kind", "school",
                             "--output", out, "--chunk-size", "1"]
        process.standardError = FileHandle.nullDevice
        try process.run()
        try waitFor { ((try? FileManager.default.attributesOfItem(atPath: out)[.size] as? Int) ?? 0) > 70_000 || !process.isRunning }
        kill(process.processIdentifier, SIGINT)
        process.waitUntilExit()
        let status = process.terminationStatus
        #expect(status == 130 || status == 0)
        if status == 130 {
            let partial = try Data(contentsOf: URL(fileURLWithPath: out))
            let expected = try Data(contentsOf: URL(fileURLWithPath: full))
            #expect(partial.count < expected.count && expected.prefix(partial.count) == partial)
        }
        let r = try audit(overSocket, ["--origins", origins, "--kind", "school", "--output", out, "--resume"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: out)) == Data(contentsOf: URL(fileURLWithPath: full)))
    }

    @Test("--layer settlements: one row per settlement with every norm of its class; --area restricts; GeoJSON Lines too")
    func settlementsLayer() throws {
        let out = directory + "/settlements.csv"
        let r = try audit(inProcess, ["--layer", "settlements", "--output", out])
        #expect(r.status == 0, "\(r.stderr)")
        let table = try rows(out)
        let header = table[0]
        #expect(Array(header.prefix(12)) == ["id", "lon", "lat", "name", "class", "population", "oblast", "district",
                                             "required", "met", "share", "basis"])
        #expect(header.contains("polyclinic_met") && header.contains("feldsher_post_norm") && header.last == "error")
        #expect(table.dropFirst().map { $0[0] } == ["S1", "S2", "S3"])
        func cell(_ row: Int, _ column: String) -> String { table[row][header.firstIndex(of: column)!] }
        // Alpha (town → city_district): the polyclinic P1 is ~64 km away against a 1,000 m walk.
        #expect(cell(1, "class") == "city_district")
        #expect(cell(1, "polyclinic_facility_id") == "P1" && cell(1, "polyclinic_met") == "no")
        #expect(cell(1, "polyclinic_norm") == "sp-rk-3.01-101-2013/polyclinic/urban-walk")
        #expect(cell(1, "polyclinic_limit_m") == "1000" && cell(1, "polyclinic_limit_s").isEmpty)
        // Gamma (village): the feldsher post FP1 is ~110 m away, well within a 30-minute drive.
        #expect(cell(3, "feldsher_post_met") == "yes" && cell(3, "feldsher_post_limit_s") == "1800")
        #expect(cell(3, "school_met").isEmpty) // villages have no school distance rule

        let east = directory + "/east.geojsonl"
        let socket = try audit(overSocket, ["--layer", "settlements", "--area", "Eastrayon", "--format", "geojsonl", "--output", east])
        #expect(socket.status == 0, "\(socket.stderr)")
        let features = try String(contentsOfFile: east, encoding: .utf8).split(separator: "\n").map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
        #expect(features.compactMap { ($0["properties"] as? [String: Any])?["id"] as? String } == ["S2", "S3"])
    }

    @Test("Usage and data errors: no kind, unknown area, unknown layer")
    func errors() throws {
        #expect(try audit(inProcess, ["--origins", "x.csv"]).status == 1)
        let area = try audit(inProcess, ["--layer", "settlements", "--area", "Nowhere"])
        #expect(area.status == 2 && area.stderr.contains("field area"))
        // The layer is a closed vocabulary: refused before any request, listing what can be audited.
        let layer = try audit(inProcess, ["--layer", "roads"])
        #expect(layer.status == 1 && layer.stderr.contains("settlements"), "\(layer.stderr)")
    }
}
