import QadamProtocol
import QadamService

/// Answers from a dataset file loaded into this process (`--dataset`), with the daemon's own
/// loader and method table.
public struct InProcessBackend: QueryBackend {
    public let service: QueryService

    /// Loads the dataset and the norms catalogue (`normsPath`, or the default search); a file
    /// that cannot be loaded is a data error (exit 2).
    public init(datasetPath: String, normsPath: String?) throws {
        do {
            service = try QueryService(datasetPath: datasetPath, loader: DatasetSnapshotLoader(normsPath: normsPath))
        } catch {
            throw CLIError(String(describing: error), exitCode: .dataError)
        }
    }

    public func call(_ method: String, params: JSONValue) throws -> JSONValue {
        switch service.call(method, params: params) {
        case .success(let result): return result
        case .failure(let error): throw CLIError(error)
        }
    }
}
