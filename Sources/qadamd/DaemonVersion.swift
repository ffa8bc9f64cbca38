/// The daemon's version, reported by `--version`, `info` and the logs.
enum DaemonVersion {
    static let current = "0.1.0"
}
