import Foundation
import QadamProtocol

/// `qadam-socket-load`: closed-loop load on a running qadamd from N client threads, each with
/// its own connection, one request in flight per connection (what a caller sees). Native
/// threads and the plain `RPCClient`, so the load generator is not the bottleneck the way a
/// single Python process is. Prints p50/p90/p99/max round trip and requests per second.
///
///     qadam-socket-load SOCKET CLIENTS SECONDS METHOD [PARAMS-JSON]
///     qadam-socket-load out/helsinki.sock 8 5 nearest '{"kind":"school","from":[24.9414,60.171]}'
let args = CommandLine.arguments
guard args.count >= 5, let clients = Int(args[2]), clients > 0, let seconds = Double(args[3]), seconds > 0 else {
    FileHandle.standardError.write(Data("usage: qadam-socket-load SOCKET CLIENTS SECONDS METHOD [PARAMS-JSON]\n".utf8))
    exit(1)
}
let socket = args[1], method = args[4]
let params: JSONValue = args.count > 5 ? (try JSONText.parse(Data(args[5].utf8), maximumDepth: 64)) : .null

final class Results: @unchecked Sendable {
    let lock = NSLock()
    var latencies: [Double] = []
    var failures = 0
    func add(_ l: [Double], failures f: Int) { lock.withLock { latencies += l; failures += f } }
}
let results = Results()
let deadline = Date().addingTimeInterval(seconds)
let started = Date()
let group = DispatchGroup()
for _ in 0..<clients {
    group.enter()
    Thread {
        defer { group.leave() }
        var local: [Double] = []
        var failures = 0
        do {
            let client = try RPCClient(path: socket, receiveTimeout: 30)
            while Date() < deadline {
                let t0 = DispatchTime.now().uptimeNanoseconds
                let response = try client.call(method, params: params)
                local.append(Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9)
                if response.error != nil { failures += 1 }
            }
        } catch {
            FileHandle.standardError.write(Data("client failed: \(error)\n".utf8))
            failures += 1
        }
        results.add(local, failures: failures)
    }.start()
}
group.wait()
let elapsed = Date().timeIntervalSince(started)
let sorted = results.latencies.sorted()
func pick(_ q: Double) -> Double { sorted.isEmpty ? .nan : sorted[min(sorted.count - 1, Int(q * Double(sorted.count)))] }
print(String(format: "%@ clients=%d requests=%d failures=%d req/s=%.0f p50=%.1fus p90=%.1fus p99=%.1fus max=%.1fus",
             method, clients, sorted.count, results.failures, Double(sorted.count) / elapsed,
             pick(0.5) * 1e6, pick(0.9) * 1e6, pick(0.99) * 1e6, (sorted.last ?? .nan) * 1e6))
exit(results.failures == 0 ? 0 : 2)
