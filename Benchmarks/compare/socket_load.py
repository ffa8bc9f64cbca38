"""Drive a running qadamd over its Unix socket from N concurrent clients and report latency
percentiles and throughput.

    python socket_load.py --socket /run/qadam/qadamd.sock --clients 1 8 64 --seconds 5
    python socket_load.py --socket S --method locate --at 76.95 43.25

Each client holds one connection and sends one JSON-RPC request per line, waiting for the
reply before the next (closed loop), so latency is the round trip a caller sees. All clients
run in one asyncio loop: a single Python process tops out at some tens of thousands of
requests per second, so at high throughput the figure is a lower bound on the daemon's.
"""

import argparse
import asyncio
import json
import time


async def client(path, line, deadline, latencies):
    reader, writer = await asyncio.open_unix_connection(path, limit=1 << 20)
    try:
        while time.perf_counter() < deadline:
            start = time.perf_counter()
            writer.write(line)
            reply = await reader.readline()
            latencies.append(time.perf_counter() - start)
            if b'"error"' in reply:
                raise RuntimeError(f"daemon answered with an error: {reply.decode().strip()}")
    finally:
        writer.close()


async def load(path, line, clients, seconds):
    latencies = []
    start = time.perf_counter()
    deadline = start + seconds
    await asyncio.gather(*(client(path, line, deadline, latencies) for _ in range(clients)))
    elapsed = time.perf_counter() - start
    latencies.sort()
    pick = lambda q: latencies[min(len(latencies) - 1, int(q * len(latencies)))]  # noqa: E731
    return len(latencies) / elapsed, pick(0.50), pick(0.99)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--socket", required=True, help="qadamd's Unix socket path")
    parser.add_argument("--clients", type=int, nargs="+", default=[1, 8, 64])
    parser.add_argument("--seconds", type=float, default=5.0)
    parser.add_argument("--method", choices=["ping", "locate"], default="ping")
    parser.add_argument("--at", type=float, nargs=2, metavar=("LON", "LAT"), default=[76.95, 43.25],
                        help="point for locate (default: central Almaty)")
    args = parser.parse_args()
    request = {"jsonrpc": "2.0", "id": 1, "method": args.method}
    if args.method == "locate":
        request["params"] = {"at": args.at}
    line = (json.dumps(request) + "\n").encode()
    print(f"| method | clients | req/s | p50 µs | p99 µs |")
    print("|---|---:|---:|---:|---:|")
    for n in args.clients:
        rate, p50, p99 = asyncio.run(load(args.socket, line, n, args.seconds))
        print(f"| {args.method} | {n} | {rate:,.0f} | {p50 * 1e6:,.0f} | {p99 * 1e6:,.0f} |")


if __name__ == "__main__":
    main()
