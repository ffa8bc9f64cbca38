#if canImport(Glibc)
import Glibc
#endif
import QadamContract

/// `qadam-socket-load`: closed-loop load on a daemon's Unix socket, the way `redis-benchmark`
/// makes it: one thread polling CLIENTS connections, each with one request in flight and the
/// next sent as soon as its answer is in. It speaks qadamd's JSON-RPC or, with `--redis`,
/// Redis's RESP, so a race can drive both daemons with the same client. Every answer is
/// checked: a connection's first one read as a success (a JSON-RPC result for its id; a Redis
/// reply that is neither an error nor empty), the later ones equal to it byte for byte. Prints
/// p50/p90/p99/max round trip and requests per second.
///
///     qadam-socket-load SOCKET CLIENTS SECONDS METHOD [PARAMS-JSON]
///     qadam-socket-load --redis SOCKET CLIENTS SECONDS COMMAND [ARGUMENT...]
///     qadam-socket-load out/helsinki.sock 8 5 nearest '{"kind":"school","from":[24.9414,60.171]}'
func report(_ message: String) {
    var line = "qadam-socket-load: \(message)\n"
    line.withUTF8 { _ = write(2, $0.baseAddress, $0.count) }
}

func fail(_ message: String) -> Never {
    report(message)
    exit(1)
}

var args = Array(CommandLine.arguments.dropFirst())
let speaksRedis = args.first == "--redis"
if speaksRedis { args.removeFirst() }
guard args.count >= 4, let clients = Int(args[1]), clients > 0, let seconds = Double(args[2]), seconds > 0 else {
    fail("usage: qadam-socket-load [--redis] SOCKET CLIENTS SECONDS METHOD [PARAMS-JSON | ARGUMENT...]")
}
let wire: WireProtocol
if speaksRedis {
    wire = .redis(command: Array(args[3...]))
} else {
    let params: JSONValue
    do {
        params = args.count > 4 ? try JSONText.parse(args[4]) : .null
    } catch {
        fail("PARAMS-JSON: \(error)")
    }
    wire = .jsonRPC(method: args[3], params: params)
}

var connections: [LoadConnection] = []
do {
    for index in 0..<clients {
        connections.append(try LoadConnection(path: args[0], index: index, request: try wire.request(connection: index)))
    }
} catch {
    fail("\(error)")
}
var polled = connections.map { pollfd(fd: $0.fd, events: Int16(POLLIN), revents: 0) }
let scratch = UnsafeMutableRawBufferPointer.allocate(byteCount: 65_536, alignment: 1)
var latencies: [UInt64] = []
latencies.reserveCapacity(1 << 20)
var failures: [String] = []

let started = monotonicNanoseconds()
let deadline = started + UInt64(seconds * 1e9)
for index in connections.indices {
    if let failure = connections[index].send(at: monotonicNanoseconds()) {
        failures.append(failure)
        polled[index].fd = -1
    }
}
// Answers still owed at the deadline are waited for, not dropped: a daemon that stops
// answering shows as a failure after 30 s of silence.
while connections.contains(where: \.awaitingAnswer) {
    let ready = poll(&polled, nfds_t(polled.count), 30_000)
    if ready == 0 { failures.append("no answer for 30 s"); break }
    if ready < 0 {
        if errno == EINTR { continue }
        fail("poll: \(String(cString: strerror(errno)))")
    }
    for index in polled.indices where polled[index].revents != 0 && connections[index].open {
        let progress = connections[index].read(using: scratch, wire: wire, sendingUntil: deadline)
        latencies += progress.latencies
        failures += progress.failures
        if !connections[index].open { polled[index].fd = -1 }
    }
}
let elapsed = Double(monotonicNanoseconds() - started) / 1e9
for failure in failures.prefix(5) { report(failure) }
latencies.sort()
func microseconds(atQuantile q: Double, of sorted: [UInt64]) -> Double {
    sorted.isEmpty ? .nan : Double(sorted[min(sorted.count - 1, Int(q * Double(sorted.count)))]) / 1e3
}
print("\(args[3]) clients=\(clients) requests=\(latencies.count) failures=\(failures.count) req/s=\(Int((Double(latencies.count) / elapsed).rounded()))"
      + " p50=\(oneDecimal(microseconds(atQuantile: 0.5, of: latencies)))us p90=\(oneDecimal(microseconds(atQuantile: 0.9, of: latencies)))us"
      + " p99=\(oneDecimal(microseconds(atQuantile: 0.99, of: latencies)))us max=\(oneDecimal(Double(latencies.last ?? 0) / 1e3))us")
exit(failures.isEmpty ? 0 : 2)

func oneDecimal(_ value: Double) -> String {
    value.isFinite ? String(Double((value * 10).rounded()) / 10) : "nan"
}
