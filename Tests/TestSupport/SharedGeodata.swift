import Foundation
import Testing

/// Locates the third-party data in `../shared/geodata` (beside the repository), which tests
/// read at run time and never copy.
///
/// Tests that need it use `.enabled(if: SharedGeodata.shouldRun, SharedGeodata.skipReason)`:
/// without the folder they are reported as skipped with the reason, except under `CI=true`,
/// where they run anyway and fail on the missing file, so CI can never pass without its data.
public enum SharedGeodata {
    /// The repository root, found from this source file's location (Tests/TestSupport/..).
    public static let repositoryRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `QADAM_SHARED_GEODATA` when set, else `../shared/geodata` beside the repository.
    public static let root: URL = {
        if let env = ProcessInfo.processInfo.environment["QADAM_SHARED_GEODATA"], !env.isEmpty {
            return URL(fileURLWithPath: env)
        }
        return repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared/geodata")
    }()

    public static var isPresent: Bool {
        FileManager.default.fileExists(atPath: root.appendingPathComponent("SOURCES.md").path)
    }

    public static var isCI: Bool { ProcessInfo.processInfo.environment["CI"] == "true" }

    /// Run when the data is here, and always in CI (where its absence must fail the test).
    public static var shouldRun: Bool { isPresent || isCI }

    public static let skipReason: Comment =
        "needs ../shared/geodata (third-party data; set QADAM_SHARED_GEODATA to point elsewhere)"

    /// Path of a file under the shared folder, e.g. `file("boundaries/kz_adm2_2024_geokz.geojson")`.
    public static func file(_ relative: String) -> URL {
        root.appendingPathComponent(relative)
    }
}
