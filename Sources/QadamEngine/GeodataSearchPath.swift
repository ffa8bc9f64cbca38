import Foundation

/// Where the shipped `geodata/` files (norms, facts, scenarios) are looked for when the user
/// names none, in order: the current directory's `geodata/`, the repository beside a
/// development build (`.build/<config>/` → its root), then installed copies: beside the running
/// binary (`<bin>/../share/qadam/`, so any `PREFIX` of `scripts/install.sh` works), under
/// `/usr/local/share/qadam`, and under `/usr/share/qadam`.
public enum GeodataSearchPath {
    /// The places `relative` (e.g. `norms/default.json`) may be, without repeats.
    public static func candidates(_ relative: String) -> [String] {
        // The running binary itself (not argv[0], which is a bare name when started via $PATH).
        let binDirectory = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
        var paths: [String] = []
        for url in [
            URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent("geodata/\(relative)"),
            binDirectory.appendingPathComponent("../../../geodata/\(relative)"),
            binDirectory.appendingPathComponent("../share/qadam/\(relative)"),
            URL(fileURLWithPath: "/usr/local/share/qadam/\(relative)"),
            URL(fileURLWithPath: "/usr/share/qadam/\(relative)"),
        ] {
            let path = url.standardizedFileURL.path
            if !paths.contains(path) { paths.append(path) }
        }
        return paths
    }

    /// The first candidate that exists, else nil.
    public static func first(_ relative: String) -> (found: String?, searched: [String]) {
        let searched = candidates(relative)
        return (searched.first { FileManager.default.fileExists(atPath: $0) }, searched)
    }
}
