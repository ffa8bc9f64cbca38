import ArgumentParser
import Foundation

/// An option renamed so that flags agree across commands (`--speed` → `--speed-kmh`): the old
/// spelling stays as a hidden option (`help: .hidden`) for a while; using it prints a warning,
/// and giving both is a usage error.
enum DeprecatedSpelling {
    /// Call from `validate()`, once per parse.
    static func check(old: String, given: Bool, current: String, alsoGiven: Bool) throws {
        guard given else { return }
        if alsoGiven { throw ValidationError("\(old) is the old spelling of \(current): give \(current) only") }
        FileHandle.standardError.write(Data("qadam: \(old) is deprecated; use \(current)\n".utf8))
    }
}
