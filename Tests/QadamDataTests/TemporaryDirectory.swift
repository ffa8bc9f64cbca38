import Foundation

/// A fresh directory under the system temp dir, removed when the test is done with it.
final class TemporaryDirectory {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("qadam-data-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    func file(_ name: String) -> URL { url.appendingPathComponent(name) }

    /// Writes `text` to a file in the directory and returns its URL.
    func write(_ name: String, _ text: String) throws -> URL {
        let f = file(name)
        try Data(text.utf8).write(to: f)
        return f
    }
}
