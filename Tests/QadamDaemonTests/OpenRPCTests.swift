import Foundation
import QadamClient
import QadamContract
import TestSupport
import Testing

/// The contract as an OpenRPC document: the file in docs/ is the one the types make, the daemon
/// answers `rpc.discover` with it, it names every method the daemon serves, and real answers
/// (docs/protocol.md's examples, which ProtocolExamplesTests replays against a daemon) hold to
/// it under a standard JSON Schema validator (Python's jsonschema, draft 2020-12).
@Suite struct OpenRPCTests {
    static let root = SharedGeodata.repositoryRoot

    /// Runs a program to its end; its status and standard output.
    private func run(_ program: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        process.currentDirectoryURL = Self.root
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, text)
    }

    @Test func theDocumentInDocsIsTheOneTheTypesMake() throws {
        let committed = try String(contentsOf: Self.root.appendingPathComponent("docs/openrpc.json"), encoding: .utf8)
        let made = try run(try DaemonProcess.binaryPath(), ["--openrpc"])
        #expect(made.status == 0)
        #expect(made.output.trimmingCharacters(in: .whitespacesAndNewlines) == committed.trimmingCharacters(in: .whitespacesAndNewlines),
                "docs/openrpc.json is out of date: qadamd --openrpc > docs/openrpc.json")
    }

    /// No method's schema fell back to "anything": a type the recorder could not read would make
    /// its whole params or result `{}`, which every answer passes.
    @Test func everyMethodIsDescribed() throws {
        let noParams: Set<String> = ["ping", "info", "stats", "reload"]
        for method in OpenRPCDocument.document["methods"]?.arrayValue ?? [] {
            let name = method["name"]?.stringValue ?? "?"
            let params = method["params"]?.arrayValue ?? []
            #expect(params.isEmpty == noParams.contains(name), "\(name): \(params.count) params")
            let requiredFlags = params.map { $0["required"] == true }
            #expect(requiredFlags == requiredFlags.sorted { $0 && !$1 }, "\(name): a required param after an optional one")
            let schema = method["result"]?["schema"]
            for result in schema?["anyOf"]?.arrayValue ?? [schema ?? [:]] {
                #expect((result["properties"]?.objectValue?.count ?? 0) > 1, "\(name): a result of no members")
            }
        }
    }

    @Test func theDaemonAnswersRPCDiscoverWithItAndItNamesEveryMethod() throws {
        let daemon = try DaemonProcess()
        let client = try daemon.client()
        let discovered = try client.call("rpc.discover").get()
        #expect(discovered == OpenRPCDocument.document)
        #expect(discovered["snapshot"] == nil, "rpc.discover describes the contract, not a dataset")
        #expect(discovered["openrpc"] == "1.3.2")
        let documented = Set((discovered["methods"]?.arrayValue ?? []).compactMap { $0["name"]?.stringValue })
        let served = Set((try client.call("info").get()["methods"]?.arrayValue ?? []).compactMap(\.stringValue))
        #expect(served.subtracting(documented) == ["rpc.discover"], "methods served but not in the document")
        #expect(documented.subtracting(served).isEmpty, "methods in the document the daemon does not serve")
    }

    @Test func realAnswersHoldToItUnderAStandardValidator() throws {
        let python = "/usr/bin/python3"
        let checked = try run(python, ["scripts/check-openrpc.py"])
        #expect(checked.status == 0, "\(checked.output)")
        // At least the documented exchanges' params and results (59 when this was written).
        let count = checked.output.split(separator: " ").dropFirst().first.flatMap { Int($0) } ?? 0
        #expect(count >= 50, "\(checked.output)")
        // And the validator can refuse: a result whose snapshot is a number fails.
        let selfTest = try run(python, ["scripts/check-openrpc.py", "--self-test"])
        #expect(selfTest.status == 0, "\(selfTest.output)")
    }
}
