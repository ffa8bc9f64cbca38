import Foundation
import QadamContract
import QadamEngine

/// Methods for exercising the daemon's own machinery (timeouts, result limits, draining)
/// without a real query; registered only with `--enable-debug-methods`.
enum DebugMethods {
    struct SleepParams: Decodable {
        /// How long to hold a worker, in milliseconds (0...60000).
        let ms: Int
    }

    struct BytesParams: Decodable {
        /// Length of the string to return.
        let count: Int
    }

    struct SleepResult: Encodable { let slept_ms: Int }
    struct BytesResult: Encodable { let data: String }

    static func register(into registry: inout MethodRegistry) {
        registry.register("debug.sleep", params: SleepParams.self) { params, _ in
            guard (0...60_000).contains(params.ms) else {
                throw RPCError.invalidParams(field: "ms", "must be between 0 and 60000")
            }
            usleep(UInt32(params.ms) * 1000)
            return SleepResult(slept_ms: params.ms)
        }
        registry.register("debug.bytes", params: BytesParams.self) { params, _ in
            guard (0...(256 << 20)).contains(params.count) else {
                throw RPCError.invalidParams(field: "count", "must be between 0 and 268435456")
            }
            return BytesResult(data: String(repeating: "x", count: params.count))
        }
    }
}
