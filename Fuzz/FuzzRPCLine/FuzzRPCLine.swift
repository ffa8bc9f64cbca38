import Foundation
import FuzzSupport
import QadamContract

/// libFuzzer target: one request line as the daemon reads it (`RPCLine.parse`: a single request
/// or a batch; JSON parse with its depth limit, then the JSON-RPC envelope checks of each).
/// Any crash or trap is a finding; errors are fine.
@_cdecl("FuzzRPCLine_main")
func entry(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(argc, argv, fuzzRPCLine)
}

@_cdecl("LLVMFuzzerTestOneInput")
func fuzzRPCLine(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    guard let start = bytes else { return 0 }
    let line = UnsafeBufferPointer(start: start, count: count)
    let requests: [Result<RPCRequest, RPCFailure>]
    switch RPCLine.parse(line) {
    case .single(let request): requests = [request]
    case .batch(let entries): requests = entries
    }
    for case .success(let request) in requests {
        _ = try? RPCRequest(id: request.id, method: request.method, params: request.params).line()
    }
    return 0
}
