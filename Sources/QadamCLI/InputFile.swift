import ArgumentParser
import Foundation
import Synchronization

/// A file `qadam` reads, as a FILE argument or option names it: a path, or `-` for standard
/// input. Every command reads its input files through this type, so `-` means the same
/// everywhere (docs/cli.md, "Standard input"):
///
/// - `data()` gives the whole contents, for the readers that parse bytes (origins, changes,
///   candidates);
/// - `readablePath()` gives a path a reader can open: the path itself, or standard input
///   copied into a private temporary folder, for the readers that need a real file (datasets
///   and GeoPackages are SQLite, `.osm.pbf` is read by offset) or take a path. The copy is
///   named `standard input` (plus the extension the caller tells from its content), so reports
///   that name a source by its file name say so, and it is removed when the process exits.
///
/// Standard input is read once per run: a second input naming `-` is a usage error that names
/// both. Error messages say "standard input", never `-` or the temporary path
/// (`StandardInput.reword`, applied by `CLIMain` to every message it prints).
struct InputFile: CustomStringConvertible, Sendable {
    /// As given on the command line.
    let path: String
    /// The argument or option that named it (`FILE`, `--origins`), for messages.
    let option: String

    init(_ path: String, option: String) {
        self.path = path
        self.option = option
    }

    var isStandardInput: Bool { StandardInput.isDash(path) }

    /// How messages name it: the path, or "standard input".
    var description: String { isStandardInput ? StandardInput.name : path }

    /// The whole contents. An unreadable file is a data error (exit 2) naming it.
    func data() throws -> Data {
        if isStandardInput { return try StandardInput.read(for: option) }
        do {
            return try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw CLIError("\(path): cannot read the file (\(error.localizedDescription))", exitCode: .dataError)
        }
    }

    /// A path to open: `path` itself as given, or, for `-`, a temporary copy of standard input.
    /// - Parameter fileExtension: for standard input only, the extension the copy should have
    ///   (without the dot), told from the copy's content; nil for none. A reader that picks its
    ///   format by extension gets one this way.
    func readablePath(fileExtension: (URL) throws -> String? = { _ in nil }) throws -> String {
        guard isStandardInput else { return path }
        return try StandardInput.copy(for: option, fileExtension: fileExtension).path
    }

    /// For a FILE option that `-` cannot stand for (a dataset written in place, a folder): a
    /// usage error saying why, rather than reading or writing a file named `-`.
    static func requirePath(_ path: String?, option: String, because reason: String) throws {
        if let path, StandardInput.isDash(path) { throw ValidationError("\(option) -: \(reason); give a path") }
    }
}

/// An output FILE option: `-` means standard output, the same as leaving the option out.
enum OutputPath {
    /// The file to write, or nil for standard output (`-` or no option).
    static func file(_ path: String?) -> String? {
        guard let path, !StandardInput.isDash(path) else { return nil }
        return path
    }

    /// How messages name the destination.
    static func name(_ path: String?) -> String { file(path) ?? "standard output" }
}

/// The process's standard input as an input file: who read it, and its temporary copies.
enum StandardInput {
    static let name = "standard input"

    static func isDash(_ path: String) -> Bool { path == "-" }

    private struct State {
        /// The option that read standard input first.
        var readBy: String?
        /// Folders holding copies, removed at exit.
        var folders: [URL] = []
        /// The copies, whose paths and names messages replace.
        var copies: [URL] = []
        var removalScheduled = false
    }

    private static let state = Mutex(State())

    /// Takes standard input for `option`; it can be taken once.
    private static func take(for option: String) throws {
        try state.withLock { state in
            if let first = state.readBy {
                throw CLIError("standard input is already read for \(first); \(option) cannot read it too: name a file for one of them",
                               exitCode: .usage)
            }
            state.readBy = option
        }
        if isatty(STDIN_FILENO) == 1 {
            FileHandle.standardError.write(Data("qadam: reading \(option) from standard input (end it with Ctrl-D)\n".utf8))
        }
    }

    /// All of standard input.
    static func read(for option: String) throws -> Data {
        try take(for: option)
        do {
            return try FileHandle.standardInput.readToEnd() ?? Data()
        } catch {
            throw CLIError("cannot read standard input for \(option): \(error.localizedDescription)", exitCode: .dataError)
        }
    }

    /// Standard input copied to a file in a new private folder (mode 0700), in chunks, so a
    /// large `.osm.pbf` never sits in memory whole.
    static func copy(for option: String, fileExtension: (URL) throws -> String?) throws -> URL {
        try take(for: option)
        let folder = try makePrivateFolder()
        var file = folder.appendingPathComponent(name)
        do {
            guard FileManager.default.createFile(atPath: file.path, contents: nil, attributes: [.posixPermissions: 0o600]) else {
                throw CocoaError(.fileWriteUnknown)
            }
            let out = try FileHandle(forWritingTo: file)
            defer { try? out.close() }
            while let chunk = try FileHandle.standardInput.read(upToCount: 1 << 20), !chunk.isEmpty {
                try out.write(contentsOf: chunk)
            }
        } catch {
            throw CLIError("cannot copy standard input for \(option) to \(folder.path): \(error.localizedDescription)", exitCode: .dataError)
        }
        state.withLock { $0.copies.append(file) }
        if let ext = try fileExtension(file) {
            let named = folder.appendingPathComponent(name + "." + ext)
            try FileManager.default.moveItem(at: file, to: named)
            file = named
            state.withLock { $0.copies.append(named) }
        }
        return file
    }

    private static func makePrivateFolder() throws -> URL {
        var template = Array(FileManager.default.temporaryDirectory.appendingPathComponent("qadam-stdin.XXXXXX").path.utf8CString)
        guard let made = mkdtemp(&template) else {
            throw CLIError("cannot make a temporary folder for standard input: \(String(cString: strerror(errno)))", exitCode: .dataError)
        }
        let folder = URL(fileURLWithPath: String(cString: made), isDirectory: true)
        let schedule = state.withLock { state -> Bool in
            state.folders.append(folder)
            defer { state.removalScheduled = true }
            return !state.removalScheduled
        }
        if schedule { atexit { StandardInput.removeCopies() } }
        return folder
    }

    /// Removes the temporary copies (at exit; the interrupted `audit` exits through `exit` too).
    static func removeCopies() {
        let folders = state.withLock { state -> [URL] in
            defer { state.folders = [] }
            return state.folders
        }
        for folder in folders { try? FileManager.default.removeItem(at: folder) }
    }

    /// `message` with every temporary copy's path, then its file name (`standard input.gpkg`),
    /// replaced by "standard input": readers name the file they opened.
    static func reword(_ message: String) -> String {
        let copies = state.withLock { $0.copies }
        var text = message
        for copy in copies.reversed() {
            text = text.replacingOccurrences(of: copy.path, with: name)
            if copy.lastPathComponent != name { text = text.replacingOccurrences(of: copy.lastPathComponent, with: name) }
        }
        return text
    }
}
