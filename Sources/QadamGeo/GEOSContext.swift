import CGEOS
import Foundation

/// One GEOS context per thread, created on first use and finished when the thread exits.
///
/// GEOS's reentrant API is thread safe only when each thread uses its own context handle
/// ("Functions ending with _r are thread safe", geos_c.h). The context also carries the last
/// error message, which is why it must not be shared: two threads would overwrite each
/// other's messages.
final class GEOSContext {
    let handle: GEOSContextHandle_t
    /// The last error GEOS reported on this thread; read right after a failed call.
    var lastError: String = ""

    private init() {
        handle = GEOS_init_r()
        let me = Unmanaged.passUnretained(self).toOpaque()
        GEOSContext_setErrorMessageHandler_r(handle, { message, userdata in
            guard let userdata, let message else { return }
            Unmanaged<GEOSContext>.fromOpaque(userdata).takeUnretainedValue().lastError =
                String(cString: message)
        }, me)
    }

    deinit { GEOS_finish_r(handle) }

    private static let key: pthread_key_t = {
        var key = pthread_key_t()
        pthread_key_create(&key) { raw in
            if let raw { Unmanaged<GEOSContext>.fromOpaque(raw).release() }
        }
        return key
    }()

    /// The calling thread's context.
    static var current: GEOSContext {
        if let raw = pthread_getspecific(key) {
            return Unmanaged<GEOSContext>.fromOpaque(raw).takeUnretainedValue()
        }
        let ctx = GEOSContext()
        pthread_setspecific(key, Unmanaged.passRetained(ctx).toOpaque())
        return ctx
    }

    /// Takes and clears the last error, for building a `GeometryError`.
    func takeError(_ fallback: String) -> String {
        defer { lastError = "" }
        return lastError.isEmpty ? fallback : lastError
    }
}

/// A failure inside GEOS or PROJ, with the library's own message.
public struct GeometryError: Error, CustomStringConvertible, Equatable, Sendable {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
