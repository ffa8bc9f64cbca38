// The travel profiles are defined in the wire contract (QadamContract), so a request, a CLI
// option and the graph's per-profile arrays name them the same way; every module that routes
// gets them from here.
@_exported import enum QadamContract.TravelProfile
