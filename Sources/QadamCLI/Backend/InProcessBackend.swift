import Foundation
import QadamProtocol
import QadamService

/// Answers from a dataset file loaded into this process (`--dataset`), with the daemon's own
/// loader and method table.
public struct InProcessBackend: QueryBackend {
    public let service: QueryService

    /// Loads the dataset and the norms catalogue (`normsPath`, or the default search); a file
    /// that cannot be loaded is a data error (exit 2). The path is made absolute as qadamd
    /// makes it, so `info` names the file the same way in both modes.
    public init(datasetPath: String, normsPath: String?) throws {
        let absolute = URL(fileURLWithPath: datasetPath).standardizedFileURL.path
        do {
            service = try QueryService(datasetPath: absolute, loader: DatasetSnapshotLoader(normsPath: normsPath))
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
