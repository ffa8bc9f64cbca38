#!/usr/bin/env python3
"""A soak of a running qadamd: mixed load from several clients for a set time, a reload every
RELOAD seconds, one broken dataset swapped in (its reload must fail and keep the old snapshot),
and the daemon's resident memory sampled every 5 s.

Usage: soak.py SOCKET DATASET PID [--minutes 10] [--clients 8] [--reload-seconds 30]

Prints one JSON object with the figures; exits 1 when a well-formed request failed, a reload
did not do what was expected, or the resident memory of the last minute (median) is more than
10 % above that of the second minute, after the warm-up.
"""
import argparse
import json
import os
import random
import shutil
import socket
import sys
import threading
import time

# Almaty's 2012 network covers this box well; Konaev's town is the second box.
ALMATY = (76.85, 43.20, 77.00, 43.30)


def point(rng):
    return [rng.uniform(ALMATY[0], ALMATY[2]), rng.uniform(ALMATY[1], ALMATY[3])]


class Client:
    """One connection; newline-delimited JSON-RPC, one request at a time."""

    def __init__(self, path):
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.sock.connect(path)
        self.file = self.sock.makefile("rb")
        self.next_id = 0

    def send_line(self, line):
        self.sock.sendall(line + b"\n")
        return json.loads(self.file.readline())

    def call(self, method, params=None):
        self.next_id += 1
        request = {"jsonrpc": "2.0", "id": self.next_id, "method": method}
        if params is not None:
            request["params"] = params
        return self.send_line(json.dumps(request).encode())


def resident_kib(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    raise RuntimeError("no VmRSS")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("socket")
    parser.add_argument("dataset")
    parser.add_argument("pid", type=int)
    parser.add_argument("--minutes", type=float, default=10)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--reload-seconds", type=float, default=30)
    args = parser.parse_args()

    deadline = time.monotonic() + args.minutes * 60
    lock = threading.Lock()
    counts = {"ok": 0, "expected_errors": 0, "failed": 0, "by_method": {}}
    failures = []

    def record(method, ok, detail=None):
        with lock:
            counts["by_method"][method] = counts["by_method"].get(method, 0) + 1
            if ok:
                counts["ok"] += 1
            else:
                counts["failed"] += 1
                if len(failures) < 20:
                    failures.append({"method": method, "detail": detail})

    def worker(seed):
        rng = random.Random(seed)
        client = Client(args.socket)
        while time.monotonic() < deadline:
            roll = rng.random()
            if roll < 0.05:
                # Bad lines must get an error answer and change nothing.
                answer = client.send_line(rng.choice([b"{not json", b"[]", b'{"jsonrpc":"2.0","id":1,"method":7}']))
                with lock:
                    counts["expected_errors"] += 1 if "error" in answer else 0
                if "error" not in answer:
                    record("bad_line", False, answer)
                continue
            if roll < 0.55:
                method, params = "nearest", {"kind": "school", "from": point(rng), "k": 2}
            elif roll < 0.80:
                method, params = "route", {"from": point(rng), "to": point(rng)}
            elif roll < 0.95:
                method, params = "isochrone", {"from": point(rng), "minutes": [5]}
            else:
                method, params = "coverage", {"kind": "polyclinic", "area": "KZ75", "limit": 5}
            answer = client.call(method, params)
            record(method, "result" in answer, answer.get("error"))

    reloads = {"attempts": 0, "ok": 0, "failed_as_expected": 0, "unexpected": []}

    def reloader():
        client = Client(args.socket)
        broken_done = False
        # On a fixed schedule from the start, so a slow reload does not push the next ones back.
        due = time.monotonic() + args.reload_seconds
        while due < deadline:
            time.sleep(max(0, due - time.monotonic()))
            due += args.reload_seconds
            reloads["attempts"] += 1
            if not broken_done and time.monotonic() > deadline - args.minutes * 60 / 2:
                # Swap in a broken file, reload (must fail, old snapshot kept), then restore.
                saved = args.dataset + ".soak-good"
                shutil.copyfile(args.dataset, saved)
                with open(args.dataset, "r+b") as f:
                    f.write(b"this is not a SQLite file" * 40)
                answer = client.call("reload")
                shutil.copyfile(saved, args.dataset)
                os.remove(saved)
                if "error" in answer:
                    reloads["failed_as_expected"] += 1
                else:
                    reloads["unexpected"].append({"broken": answer})
                broken_done = True
                continue
            answer = client.call("reload")
            if "result" in answer:
                reloads["ok"] += 1
            else:
                reloads["unexpected"].append(answer.get("error"))

    rss = []

    def sampler():
        while time.monotonic() < deadline:
            rss.append((round(args.minutes * 60 - (deadline - time.monotonic())), resident_kib(args.pid)))
            time.sleep(5)

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(args.clients)]
    threads += [threading.Thread(target=reloader), threading.Thread(target=sampler)]
    started = time.monotonic()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.monotonic() - started

    # A reload holds two snapshots for a moment, so one sample can land on a peak: compare the
    # median of the last minute with the median of the second minute (after the first reloads
    # and the lazily built indexes of the warm-up).
    def median(values):
        values = sorted(values)
        return values[len(values) // 2] if values else rss[-1][1]
    total = args.minutes * 60
    warm = [median([kib for at, kib in rss if 60 <= at < 120])]
    end = median([kib for at, kib in rss if at >= total - 60])
    expected_reloads = int(args.minutes * 60 // args.reload_seconds)
    report = {
        "minutes": args.minutes, "clients": args.clients, "seconds": round(elapsed, 1),
        "requests_ok": counts["ok"], "requests_failed": counts["failed"], "bad_lines_answered": counts["expected_errors"],
        "by_method": counts["by_method"], "requests_per_second": round((counts["ok"] + counts["failed"]) / elapsed, 1),
        "reloads_ok": reloads["ok"], "broken_reloads_refused": reloads["failed_as_expected"], "reload_problems": reloads["unexpected"],
        "rss_after_warmup_kib": warm[0], "rss_end_kib": end, "rss_peak_kib": max(k for _, k in rss),
        "rss_growth_percent": round(100 * (end - warm[0]) / warm[0], 2), "failures": failures,
        "rss_series_kib": [[at, kib] for at, kib in rss[::6]],
        "reload_attempts": reloads["attempts"], "reload_attempts_expected": expected_reloads,
    }
    print(json.dumps(report, indent=2))
    ok = (counts["failed"] == 0 and reloads["failed_as_expected"] == 1 and not reloads["unexpected"]
          and reloads["attempts"] >= expected_reloads - 1 and reloads["ok"] == reloads["attempts"] - 1
          and report["rss_growth_percent"] <= 10)
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
