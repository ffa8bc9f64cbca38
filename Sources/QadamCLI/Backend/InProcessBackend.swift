import Foundation
import QadamContract
import QadamEngine

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

    /// A method of the contract is a function call: the handler gets the typed params and its
    /// typed result is used as it is. Only `--format json` writes it, as the daemon would.
    public func call<M: RPCMethod>(_ method: M.Type, _ params: M.Params) throws -> Answer<M.Result> {
        guard let (outcome, snapshot) = service.call(method, params) else { return try callThroughValues(method, params) }
        switch outcome {
        case .failure(let error):
            throw CLIError(error)
        case .success(let result):
            let hash = snapshot.contentHash
            return Answer(result: result, snapshot: hash) {
                switch MethodRegistry.answerValue(M.name, snapshot: hash, { result }) {
                case .success(let object): return object
                case .failure(let error): throw CLIError(error)
                }
            }
        }
    }

    /// Computed when the answer is asked for: this process has no other thread to work on.
    public func start<M: RPCMethod>(_ method: M.Type, _ params: M.Params) throws -> PendingCall<M.Result> {
        PendingCall { try self.call(method, params).result }
    }
}
