import Foundation

/// Where the authored `geodata/` folders (facts, scenarios) are found when not named: the
/// current directory, beside a development build (`.build/<config>/` → repository root), or
/// installed under `/usr/share/qadam`. The same search the norms catalogue uses.
enum GeodataLocation {
    static func directory(_ name: String) throws -> URL {
        let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        let candidates = [
            URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent("geodata/\(name)"),
            executable.deletingLastPathComponent().appendingPathComponent("../../../geodata/\(name)"),
            URL(fileURLWithPath: "/usr/share/qadam/\(name)"),
        ].map(\.standardizedFileURL)
        if let found = candidates.first(where: { FileManager.default.fileExists(atPath: $0.path) }) { return found }
        throw CLIError("no geodata/\(name) folder found; name one with --\(name) DIR (looked in: "
                       + candidates.map(\.path).joined(separator: ", ") + ")", exitCode: .usage)
    }
}
