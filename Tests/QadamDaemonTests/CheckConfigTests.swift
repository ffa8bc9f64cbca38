import Foundation
import QadamContract
import Testing
import TestSupport

/// `qadamd --check-config FILE`: full TOML is accepted, and a broken file fails with its line.
@Suite("qadamd --check-config")
struct CheckConfigTests {
    /// What the old hand-written subset parser refused: a multi-line array with a trailing
    /// comma, literal strings, dotted keys, a quote and a comma inside a string, comments after
    /// values, and an inline table.
    static let fullTOML = """
        # qadamd settings
        dataset = '/var/lib/qadam/Almaty, "2012".qadam'   # literal string with quotes and a comma
        socket.path = "/run/qadam/qadamd.sock"
        socket.mode = "0660"
        log = { level = "warning" }

        [access]
        allowed_uids = [
            1000,   # analyst
            1001,
        ]

        [limits]
        "max_connections" = 512
        request_timeout_seconds = 2.5
        """

    @Test func fullTOMLPassesAndAppliesEveryKey() throws {
        let dir = try DatasetFixture.scratchDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let good = dir + "/good.toml"
        try Self.fullTOML.write(toFile: good, atomically: true, encoding: .utf8)
        let check = try DaemonProcess(arguments: ["--check-config", good], waitForSocket: false)
        #expect(try check.waitForExit() == 0, "\(check.log())")
        #expect(check.log().contains("\(good): OK"))

        // The same file starts a serving daemon (the flags override its dataset and socket).
        let daemon = try DaemonProcess(arguments: ["--config", good])
        #expect(try daemon.client().call("ping").get()["pong"] == true)
    }

    @Test(arguments: [
        // (file text, line expected in the error, words expected in the error)
        ("[limits]\nworkers = 2\nworkerz = 2\n", 3, "limits.workerz"),
        ("[limits]\n\nworkers = -2\n", 3, "limits.workers must be a positive integer"),
        ("[access]\nallowed_uids = [\n  1000,\n  \"root\",\n]\n", 2, "access.allowed_uids"),
        ("dataset = \"unterminated\n[limits]\n", 1, "parsing string"),
        ("[socket]\nmode = \"0999\"\n", 2, "socket.mode must be an octal string"),
        ("[log]\nlevel = \"loud\"\n", 2, "log.level must be one of"),
        ("[limits\nworkers = 2\n", 1, "expected ']'"),
    ])
    func brokenFileFailsWithItsLine(text: String, line: Int, words: String) throws {
        let dir = try DatasetFixture.scratchDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let bad = dir + "/bad.toml"
        try text.write(toFile: bad, atomically: true, encoding: .utf8)
        let check = try DaemonProcess(arguments: ["--check-config", bad], waitForSocket: false)
        #expect(try check.waitForExit() == 1)
        let log = check.log()
        #expect(log.contains("\(bad):\(line):"), "\(log)")
        #expect(log.contains(words), "\(log)")
        #expect(!log.contains(": OK ("))
    }
}
