import Testing

/// `qadam --generate-completion-script SHELL` (ArgumentParser's) knows every subcommand.
@Suite struct ShellCompletionTests {
    @Test(arguments: [("bash", "-F _qadam qadam"), ("zsh", "#compdef qadam"), ("fish", "complete -c 'qadam'")])
    func scriptNamesEverySubcommand(shell: String, marker: String) throws {
        let r = try QadamProcess.run(["--generate-completion-script", shell])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains(marker))
        for subcommand in ["import", "validate", "info", "ping", "stats", "reload", "locate"] {
            #expect(r.stdout.contains(subcommand), "\(shell) script lacks \(subcommand)")
        }
        #expect(r.stdout.contains("--socket") && r.stdout.contains("--dataset"))
    }
}
