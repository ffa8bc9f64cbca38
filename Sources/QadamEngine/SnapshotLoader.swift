/// Builds a `Snapshot` from a dataset file. The daemon and the CLI's in-process mode take the
/// loader as a value, so the dataset store can change without touching either.
public protocol SnapshotLoader: Sendable {
    func load(path: String) throws -> Snapshot
}

/// Why a dataset file could not become a snapshot, before the dataset store is asked (whose
/// own `DatasetError`s say what is wrong inside a file).
public enum SnapshotLoadError: Error, CustomStringConvertible, Equatable {
    case fileMissing(path: String)

    public var description: String {
        switch self {
        case .fileMissing(let path):
            return "dataset \(path) does not exist"
        }
    }
}
