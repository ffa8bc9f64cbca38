/// Qadam's version: the one constant `qadam --version`, `qadamd --version` and `info` report,
/// so the CLI and the daemon of one build never disagree.
public enum QadamVersion {
    public static let current = "0.1.0"
}
