import Logging
import ServiceLifecycle
import UnixSignals

/// Reloads the dataset on every SIGHUP (`systemctl reload qadamd`), also while the daemon
/// drains: the group shuts services down last to first, so this one is told only after the
/// daemon has finished.
struct HangupReloadService: Service {
    let reloader: Reloader
    let logger: Logger

    func run() async throws {
        for await _ in await UnixSignalsSequence(trapping: .sighup).cancelOnGracefulShutdown() {
            logger.info("SIGHUP: reloading dataset")
            reloader.reload(trigger: "SIGHUP")
        }
    }
}
