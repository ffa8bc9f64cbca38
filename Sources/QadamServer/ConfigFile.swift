import Foundation
import TOMLKit

/// A `qadamd.toml` read with TOMLKit (full TOML 1.0: multi-line arrays, literal strings,
/// dotted keys, inline tables), flattened to dotted key paths such as `limits.workers`, each
/// with the line that sets it, so a wrong value is reported as `file:line: key ...`.
struct ConfigFile {
    struct Entry {
        let key: String
        let value: TOMLValueConvertible
        /// The 1-based line that sets the key, when it can be found in the text.
        let line: Int?
    }

    let path: String
    let entries: [Entry]

    /// Reads and parses `path`; syntax errors carry TOML's own line and column.
    init(path: String) throws {
        let text: String
        do { text = try String(contentsOfFile: path, encoding: .utf8) } catch {
            throw DaemonConfig.ConfigError(description: "cannot read config file \(path): \(error.localizedDescription)")
        }
        try self.init(text: text, path: path)
    }

    init(text: String, path: String) throws {
        let table: TOMLTable
        do { table = try TOMLTable(string: text) } catch let error as TOMLParseError {
            throw DaemonConfig.ConfigError(
                description: "\(path):\(error.source.begin.line):\(error.source.begin.column): \(error.description)")
        }
        self.path = path
        let lines = KeyLines(text: text)
        var entries: [Entry] = []
        func flatten(_ table: TOMLTable, prefix: String) {
            for (key, value) in table {
                let path = prefix.isEmpty ? key : "\(prefix).\(key)"
                if let nested = value.table {
                    flatten(nested, prefix: path)
                } else {
                    entries.append(Entry(key: path, value: value, line: lines.line(of: path)))
                }
            }
        }
        flatten(table, prefix: "")
        self.entries = entries.sorted { $0.key < $1.key }
    }

    /// `file:line: message` (or `file: message` when the line is not known).
    func error(_ entry: Entry, _ message: String) -> DaemonConfig.ConfigError {
        let place = entry.line.map { "\(path):\($0)" } ?? path
        return DaemonConfig.ConfigError(description: "\(place): \(entry.key) \(message)")
    }
}

/// Finds the line that sets a dotted key path, for error messages: TOMLKit reports positions
/// only for syntax errors. It follows `[table]` headers and matches bare, quoted and dotted
/// keys; a key it cannot place is reported without a line rather than with a wrong one.
private struct KeyLines {
    private var lineOfPath: [String: Int] = [:]

    init(text: String) {
        var table = ""
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("[") && !line.hasPrefix("[[") {
                guard let close = line.firstIndex(of: "]") else { continue }
                table = Self.normalise(String(line[line.index(after: line.startIndex)..<close]))
            } else if let equals = line.firstIndex(of: "="), !line.hasPrefix("#") {
                let key = Self.normalise(String(line[..<equals]))
                guard !key.isEmpty else { continue }
                let path = table.isEmpty ? key : "\(table).\(key)"
                if lineOfPath[path] == nil { lineOfPath[path] = index + 1 }
            }
        }
    }

    func line(of path: String) -> Int? { lineOfPath[path] }

    /// `a . "b" . 'c'` → `a.b.c`.
    private static func normalise(_ key: String) -> String {
        key.split(separator: ".").map {
            $0.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
        }.joined(separator: ".")
    }
}
