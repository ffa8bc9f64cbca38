import Foundation
import FuzzSupport
import QadamContract

/// libFuzzer target: one request line as the daemon reads it (JSON parse with its depth limit,
/// then the JSON-RPC envelope checks). Any crash or trap is a finding; errors are fine.
@_cdecl("FuzzRPCLine_main")
func entry(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(argc, argv, fuzzRPCLine)
}

@_cdecl("LLVMFuzzerTestOneInput")
func fuzzRPCLine(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    guard let start = bytes else { return 0 }
    let line = UnsafeBufferPointer(start: start, count: count)
    if case .success(let request) = RPCRequest.parse(line: line) {
        _ = try? RPCRequest(id: request.id, method: request.method, params: request.params).line()
    }
    return 0
}
