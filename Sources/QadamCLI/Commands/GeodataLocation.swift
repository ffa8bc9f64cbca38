import Foundation
import QadamEngine

/// Where the authored `geodata/` folders (facts, scenarios) are found when not named: where
/// `GeodataSearchPath` looks, the same search the norms catalogue uses.
enum GeodataLocation {
    static func directory(_ name: String) throws -> URL {
        let search = GeodataSearchPath.first(name)
        if let found = search.found { return URL(fileURLWithPath: found) }
        throw CLIError("no geodata/\(name) folder found; name one with --\(name) DIR (looked in: "
                       + search.searched.joined(separator: ", ") + ")", exitCode: .usage)
    }
}
