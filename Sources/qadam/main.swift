import QadamCLI

CLIMain.run()
