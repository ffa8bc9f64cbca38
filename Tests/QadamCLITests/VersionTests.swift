import Foundation
import QadamContract
import TestSupport
import Testing

/// One version for the whole build: the CLI, the daemon and the wire contract say the same.
@Suite struct VersionTests {
    @Test func theCLIAndTheDaemonReportTheContractsVersion() throws {
        let cli = try QadamProcess.run(["--version"])
        #expect(cli.status == 0)
        #expect(cli.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == QadamVersion.current)

        let daemon = Process()
        daemon.executableURL = URL(fileURLWithPath: try DaemonProcess.binaryPath())
        daemon.arguments = ["--version"]
        let out = Pipe()
        daemon.standardOutput = out
        try daemon.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        daemon.waitUntilExit()
        #expect(daemon.terminationStatus == 0)
        #expect(text.trimmingCharacters(in: .whitespacesAndNewlines) == QadamVersion.current)
    }
}
