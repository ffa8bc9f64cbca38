import QadamContract
import Testing

/// What every real answer of a typed method must satisfy, shared by the contract tests.
enum ContractAnswerChecks {
    /// `answer` read into `M.Result` and written back: the same object without `snapshot`,
    /// which every answer carries and no result declares.
    static func roundTrip<M: RPCMethod>(_ method: M.Type, _ answer: JSONValue,
                                        sourceLocation: SourceLocation = #_sourceLocation) throws -> M.Result {
        var members = try #require(answer.objectValue, "\(M.name) answered \(answer)", sourceLocation: sourceLocation)
        #expect(members.removeValue(forKey: "snapshot")?.stringValue?.count == 64, "\(M.name) answers with its snapshot",
                sourceLocation: sourceLocation)
        let result = try JSONValue.object(members).decode(M.Result.self)
        let reread = try JSONValue(encoding: result)
        #expect(reread == .object(members), "\(M.name): \(ProtocolExamplesTests.difference(.object(members), reread) ?? "\(reread)")",
                sourceLocation: sourceLocation)
        return result
    }

    /// The member names in `value` that are not snake_case, with where they are. Keys of the
    /// objects at `dataKeysAt` (paths such as `$.methods`) are data (method or layer names).
    static func nonSnakeCaseNames(in value: JSONValue, dataKeysAt data: Set<String> = [], path: String = "$") -> [String] {
        switch value {
        case .object(let members):
            return members.sorted { $0.key < $1.key }.flatMap { name, member in
                let named = data.contains(path) || name.wholeMatch(of: /[a-z][a-z0-9]*(_[a-z0-9]+)*/) != nil ? [] : ["\(path).\(name)"]
                return named + nonSnakeCaseNames(in: member, dataKeysAt: data, path: "\(path).\(name)")
            }
        case .array(let elements):
            return elements.flatMap { nonSnakeCaseNames(in: $0, dataKeysAt: data, path: "\(path)[]") }
        default:
            return []
        }
    }
}
