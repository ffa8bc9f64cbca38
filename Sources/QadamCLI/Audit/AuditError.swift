import Foundation

/// Why an audit could not run or continue, in words a planner can act on.
public enum AuditError: Error, CustomStringConvertible, LocalizedError, Equatable {
    case cannotOpen(file: String, reason: String)
    case cannotWrite(file: String, reason: String)
    case cannotResume(file: String, reason: String)
    case resumeNeedsFile
    /// The compute closure broke its contract (one row per origin, same ids, one value per column).
    case badRows(reason: String)

    public var description: String {
        switch self {
        case .cannotOpen(let file, let reason): return "\(file): cannot open for writing (\(reason))"
        case .cannotWrite(let file, let reason): return "\(file): write failed (\(reason))"
        case .cannotResume(let file, let reason): return "\(file): cannot resume: \(reason); remove the file or drop --resume"
        case .resumeNeedsFile: return "--resume needs --output FILE (standard output cannot be continued)"
        case .badRows(let reason): return "internal error: the audit computation returned bad rows: \(reason)"
        }
    }

    public var errorDescription: String? { description }
}
