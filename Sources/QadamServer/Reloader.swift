import Dispatch
import Logging
import QadamContract
import QadamEngine

/// Loads the dataset again on request (`reload`, SIGHUP), one reload at a time on its own
/// queue, telling systemd (RELOADING=1, then READY=1 with the new status) and the log. A
/// failed reload keeps the old snapshot and says why.
final class Reloader: Sendable {
    private let store: SnapshotStore
    private let notifier: SystemdNotifier?
    private let logger: Logger
    private let queue = DispatchQueue(label: "qadamd.reload")

    init(store: SnapshotStore, notifier: SystemdNotifier?, logger: Logger) {
        self.store = store
        self.notifier = notifier
        self.logger = logger
    }

    /// Reloads off the caller's thread and hands the `reload` method's answer to `done`.
    func reload(trigger: String, then done: @escaping @Sendable (Result<EncodedJSON, RPCError>) -> Void = { _ in }) {
        queue.async { [self] in done(answer(reload(trigger: trigger))) }
    }

    /// One line for systemd's STATUS=.
    func statusLine() -> String {
        let snapshot = store.current
        var status = "serving \(snapshot.datasetPath) (snapshot \(snapshot.contentHash))"
        if let failure = store.lastReloadFailure { status += "; last reload failed: \(failure.message)" }
        return status.replacingOccurrences(of: "\n", with: " ")
    }

    private func reload(trigger: String) -> Result<SnapshotStore.ReloadOutcome, SnapshotStore.ReloadFailure> {
        notifier?.notify("RELOADING=1\nMONOTONIC_USEC=\(SystemdNotifier.monotonicMicroseconds())\nSTATUS=reloading \(store.datasetPath)")
        let result = store.reload()
        switch result {
        case .success(let outcome):
            logger.info("reloaded dataset", metadata: [
                "trigger": "\(trigger)", "previous": "\(outcome.previous.contentHash)",
                "snapshot": "\(outcome.current.contentHash)", "load_seconds": "\(outcome.current.loadSeconds)",
            ])
        case .failure(let failure):
            logger.error("reload failed; still serving the previous snapshot", metadata: [
                "trigger": "\(trigger)", "reason": "\(failure.message)", "snapshot": "\(store.current.contentHash)",
            ])
        }
        notifier?.notify("READY=1\nSTATUS=\(statusLine())")
        return result
    }

    private func answer(_ result: Result<SnapshotStore.ReloadOutcome, SnapshotStore.ReloadFailure>) -> Result<EncodedJSON, RPCError> {
        switch result {
        case .success(let outcome):
            return MethodRegistry.answer(RPC.Reload.name, snapshot: outcome.current.contentHash) {
                RPC.Reload.Result(previous: outcome.previous.contentHash, changed: outcome.changed, loadSeconds: outcome.current.loadSeconds)
            }
        case .failure(let failure):
            let current = store.current.contentHash
            return .failure(RPCError(code: RPCError.datasetErrorCode,
                                     message: "reload failed, still serving snapshot \(current): \(failure.message)",
                                     data: ["snapshot": .string(current), "reason": .string(failure.message)]))
        }
    }
}
