import QadamServer

// The daemon is the QadamServer library; this executable only names its entry point, so the
// server's parts can be tested in process (Tests/QadamServerTests) as well as spawned. `@main`
// on the command (as ArgumentParser documents) picks its asynchronous `main()`.
@main extension QadamdCommand {}
